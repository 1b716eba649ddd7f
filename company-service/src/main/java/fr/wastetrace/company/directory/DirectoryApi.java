package fr.wastetrace.company.directory;

import fr.wastetrace.company.companies.Company;
import fr.wastetrace.company.companies.Siret;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.subgraph.ApiException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.Base64;

@GraphQLApi
public class DirectoryApi {
    /** A notice says how things stood on its date: older ones are refused. */
    static final int NOTICE_MAX_AGE_MONTHS = 3;
    private static final String UNREADABLE = "Le fichier n'est pas lisible ou n'est pas un avis de situation au "
            + "répertoire Sirene délivré par l'INSEE : téléchargez-le à nouveau sur avis-situation-sirene.insee.fr.";

    @Inject
    Users users;
    @Inject
    Directory directory;

    @Mutation("createAnonymousCompanyFromPDF")
    @Description("Fait connaître un établissement non diffusible du répertoire SIRENE à partir de son avis de situation "
            + "(PDF de l'INSEE de moins de trois mois, encodé en base64) : son nom, son adresse et son activité deviennent "
            + "visibles (companyInfos), et il peut ensuite être inscrit (createCompany).")
    @Transactional
    public Boolean createAnonymousCompanyFromPDF(@NonNull @Name("input") CreateAnonymousCompanyFromPDFInput input) {
        users.current();
        String siret = Siret.clean(input.siret);
        if (!Siret.isValid(siret)) {
            throw new ApiException.BadUserInput("Le SIRET « " + input.siret + " » n'est pas valide.");
        }
        if (Company.findByOrgId(siret).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est déjà inscrit : ses informations "
                    + "viennent de son profil.");
        }
        SireneNotice.Data notice;
        try {
            notice = SireneNotice.read(Base64.getMimeDecoder().decode(input.pdf));
        } catch (IllegalArgumentException | SireneNotice.InvalidNotice e) {
            throw new ApiException.BadUserInput(UNREADABLE);
        }
        if (!notice.siret().equals(siret)) {
            throw new ApiException.BadUserInput("L'avis de situation concerne le SIRET " + notice.siret() + ", pas "
                    + siret + ".");
        }
        if (notice.closed()) {
            throw new ApiException.BadUserInput("Cet établissement est fermé selon son avis de situation.");
        }
        if (notice.issuedOn().isBefore(LocalDate.now().minusMonths(NOTICE_MAX_AGE_MONTHS))) {
            throw new ApiException.BadUserInput("L'avis de situation date de plus de trois mois : téléchargez-en un "
                    + "récent.");
        }
        directory.recordNotice(notice);
        return true;
    }
}
