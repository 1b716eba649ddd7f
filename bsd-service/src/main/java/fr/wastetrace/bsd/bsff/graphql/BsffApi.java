package fr.wastetrace.bsd.bsff.graphql;

import fr.wastetrace.bsd.bsff.BsffPackagings;
import fr.wastetrace.bsd.bsff.BsffQueries;
import fr.wastetrace.bsd.bsff.BsffService;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffFicheInterventionInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.UpdateBsffPackagingInput;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffPackagingWhere;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffPackagingType;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmitter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingConnection;
import fr.wastetrace.bsd.bsff.model.BsffParts.InitialBsff;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * The BSFF's own operations (containers, intervention forms) and the fields resolved from the links between
 * containers; the operations every type shares are in {@code BsffOperations}, written from this package's
 * {@code @BsdOperations}.
 */
@GraphQLApi
public class BsffApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsffService service;
    @Inject
    BsffQueries queries;
    @Inject
    BsffPackagings packagings;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsffPackaging")
    @Description("Renvoie un contenant de BSFF à partir de son identifiant.")
    public @NonNull BsffPackaging bsffPackaging(@Name("id") @NonNull @Id String id) {
        return queries.packaging(caller(), id);
    }

    @Query("bsffPackagings")
    @Description("Renvoie les contenants des BSFF visibles par vos établissements, par exemple ceux à regrouper, "
            + "réexpédier ou reconditionner.")
    public @NonNull BsffPackagingConnection bsffPackagings(@Name("after") @Id String after,
                                                           @Name("first") Integer first,
                                                           @Name("before") @Id String before,
                                                           @Name("last") Integer last,
                                                           @Name("where") BsffPackagingWhere where) {
        return queries.packagings(caller(), after, first, before, last, where);
    }

    // ---------------------------------------------------------------- fields

    public @NonNull List<@NonNull BsffPackaging> grouping(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.GROUPEMENT);
    }

    public @NonNull List<@NonNull BsffPackaging> forwarding(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.REEXPEDITION);
    }

    public @NonNull List<@NonNull BsffPackaging> repackaging(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.RECONDITIONNEMENT);
    }

    @Description("Les fiches d'intervention du BSFF : toutes pour l'émetteur, les transporteurs et la destination, "
            + "les siennes seulement pour un détenteur.")
    public @NonNull List<@NonNull BsffFicheIntervention> ficheInterventions(@Source Bsff bsff) {
        return queries.ficheInterventions(caller(), bsff);
    }

    public @NonNull List<@NonNull BsffFicheIntervention> ficheInterventions(@Source InitialBsff initial) {
        return queries.ficheInterventions(caller(), initial);
    }

    public BsffEmitter emitter(@Source InitialBsff initial) {
        return queries.emitter(caller(), initial);
    }

    public @NonNull Bsff bsff(@Source BsffPackaging packaging) {
        return queries.parent(packaging.bsffId);
    }

    public Bsff nextBsff(@Source BsffPackaging packaging) {
        return queries.nextBsff(packaging);
    }

    public @NonNull List<@NonNull Bsff> nextBsffs(@Source BsffPackaging packaging) {
        return queries.nextBsffs(packaging);
    }

    public @NonNull List<@NonNull InitialBsff> previousBsffs(@Source BsffPackaging packaging) {
        return queries.previousBsffs(packaging);
    }

    @Deprecated
    @Description("Remplacé par type (et other pour un contenant AUTRE).")
    public String name(@Source BsffPackaging packaging) {
        if (packaging.type == null) {
            return null;
        }
        return packaging.type == BsffPackagingType.AUTRE && packaging.other != null ? packaging.other
                : packaging.type.name();
    }

    // ---------------------------------------------------------------- mutations

    @Mutation("updateBsffPackaging")
    @Description("Renseigne ou corrige l'acceptation et l'opération d'un contenant (installation de destination).")
    public @NonNull BsffPackaging updateBsffPackaging(@Name("id") @NonNull @Id String id,
                                                      @Name("input") @NonNull UpdateBsffPackagingInput input) {
        return packagings.update(caller(), id, input);
    }

    @Mutation("createFicheInterventionBsff")
    @Description("Crée une fiche d'intervention (opérateur), à rattacher ensuite à un BSFF de collecte.")
    public @NonNull BsffFicheIntervention createFicheInterventionBsff(
            @Name("input") @NonNull BsffFicheInterventionInput input) {
        return service.createFiche(caller(), input);
    }

    @Mutation("updateFicheInterventionBsff")
    @Description("Modifie une fiche d'intervention (opérateur).")
    public @NonNull BsffFicheIntervention updateFicheInterventionBsff(@Name("id") @NonNull @Id String id,
            @Name("input") @NonNull BsffFicheInterventionInput input) {
        return service.updateFiche(caller(), id, input);
    }
}
