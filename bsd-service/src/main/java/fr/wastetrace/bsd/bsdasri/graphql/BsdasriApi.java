package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.bsdasri.BsdasriQueries;
import fr.wastetrace.bsd.bsdasri.BsdasriService;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriSignatureWithSecretCodeInput;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * The BSDASRI's own operation and fields; the operations every type shares are in {@code BsdasriOperations}, written
 * from this package's {@code @BsdOperations}.
 */
@GraphQLApi
public class BsdasriApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsdasriService service;
    @Inject
    BsdasriQueries queries;

    public Bsdasri groupedIn(@Source Bsdasri bsdasri) {
        return queries.find(bsdasri.groupedInId).orElse(null);
    }

    public Bsdasri synthesizedIn(@Source Bsdasri bsdasri) {
        return queries.find(bsdasri.synthesizedInId).orElse(null);
    }

    @Mutation("signBsdasriEmissionWithSecretCode")
    @Description("Signe l'émission d'un BSDASRI simple sur l'appareil du transporteur, avec le code de signature de "
            + "l'émetteur ou de l'éco-organisme.")
    public @NonNull Bsdasri signBsdasriEmissionWithSecretCode(
            @Name("id") @NonNull @Id String id, @Name("input") @NonNull BsdasriSignatureWithSecretCodeInput input) {
        return service.signWithSecretCode(Callers.require(identity), id, input);
    }
}
