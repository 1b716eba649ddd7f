package fr.wastetrace.company.companies;

import fr.wastetrace.company.users.Users;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class SignatureAutomationApi {
    @Inject
    Users users;
    @Inject
    SignatureAutomations automations;

    @Mutation("addSignatureAutomation")
    @Description("Autorise l'entreprise « to » à enlever les annexes 1 de l'établissement « from » sans sa signature : "
            + "Trackdéchets signe alors l'émission automatiquement. from et to sont des identifiants d'établissements "
            + "inscrits ; from doit avoir activé allowAppendix1SignatureAutomation (administrateurs de from).")
    @Transactional
    public @NonNull SignatureAutomation addSignatureAutomation(@NonNull @Name("input") SignatureAutomationInput input) {
        return automations.view(automations.grant(users.current(), input.from, input.to));
    }

    @Mutation("removeSignatureAutomation")
    @Description("Retire une signature automatique d'annexe 1 accordée par l'un de vos établissements "
            + "(administrateurs) ; renvoie l'autorisation retirée.")
    @Transactional
    public @NonNull SignatureAutomation removeSignatureAutomation(@NonNull @Id @Name("id") String id) {
        return automations.view(automations.remove(users.current(), id));
    }

    @Description("Liste des automatisations de signature accordées par l'entreprise")
    @Transactional
    public @NonNull List<@NonNull SignatureAutomation> signatureAutomations(@Source CompanyPrivate company) {
        return SignatureAutomationEntity.grantedBy(company.id).stream().map(automations::view).toList();
    }

    @Description("Liste des automatisations de signature reçues par l'entreprise (celles dont l'émetteur a activé "
            + "la signature automatique des annexes 1)")
    @Transactional
    public @NonNull List<@NonNull SignatureAutomation> receivedSignatureAutomations(@Source CompanyPrivate company) {
        return SignatureAutomationEntity.grantedTo(company.id).stream()
                .filter(a -> a.from.allowAppendix1SignatureAutomation)
                .map(automations::view).toList();
    }
}
