package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.registry.company.RegistryAccess;
import fr.wastetrace.registry.export.ExportFormat;
import fr.wastetrace.registry.export.RegisterExports;
import fr.wastetrace.registry.query.Pagination;
import fr.wastetrace.registry.query.RegisterQueries;
import fr.wastetrace.registry.register.RegisterType;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** The legacy registers (spec bsdd.md §7.1): five paginated registers and their CSV/XLSX files (blocking: JDBC). */
@GraphQLApi
public class RegistryApi {
    private static final String DEPRECATED = "Remplacé par le registre V2";

    @Inject
    SecurityIdentity identity;
    @Inject
    RegistryAccess access;
    @Inject
    RegisterQueries queries;
    @Inject
    RegisterExports exports;

    @Blocking
    @Query("incomingWastes")
    @Deprecated
    @Description("Registre des déchets entrants des établissements donnés (réception). " + DEPRECATED)
    public @NonNull IncomingWasteConnection incomingWastes(@NonNull @Name("sirets") List<@NonNull String> sirets,
                                                           @Name("where") WasteRegistryWhere where,
                                                           @Name("first") Integer first, @Name("after") @Id String after,
                                                           @Name("last") Integer last, @Name("before") @Id String before) {
        var page = page(RegisterType.INCOMING, IncomingWaste.class, sirets, where, first, after, last, before);
        return new IncomingWasteConnection(page.totalCount(), page.pageInfo(),
                page.edges().stream().map(e -> new IncomingWasteEdge(e.cursor(), e.node())).toList());
    }

    @Blocking
    @Query("outgoingWastes")
    @Deprecated
    @Description("Registre des déchets sortants des établissements donnés (producteur ou éco-organisme). " + DEPRECATED)
    public @NonNull OutgoingWasteConnection outgoingWastes(@NonNull @Name("sirets") List<@NonNull String> sirets,
                                                           @Name("where") WasteRegistryWhere where,
                                                           @Name("first") Integer first, @Name("after") @Id String after,
                                                           @Name("last") Integer last, @Name("before") @Id String before) {
        var page = page(RegisterType.OUTGOING, OutgoingWaste.class, sirets, where, first, after, last, before);
        return new OutgoingWasteConnection(page.totalCount(), page.pageInfo(),
                page.edges().stream().map(e -> new OutgoingWasteEdge(e.cursor(), e.node())).toList());
    }

    @Blocking
    @Query("transportedWastes")
    @Deprecated
    @Description("Registre des déchets transportés par les établissements donnés. " + DEPRECATED)
    public @NonNull TransportedWasteConnection transportedWastes(@NonNull @Name("sirets") List<@NonNull String> sirets,
                                                                 @Name("where") WasteRegistryWhere where,
                                                                 @Name("first") Integer first, @Name("after") @Id String after,
                                                                 @Name("last") Integer last, @Name("before") @Id String before) {
        var page = page(RegisterType.TRANSPORTED, TransportedWaste.class, sirets, where, first, after, last, before);
        return new TransportedWasteConnection(page.totalCount(), page.pageInfo(),
                page.edges().stream().map(e -> new TransportedWasteEdge(e.cursor(), e.node())).toList());
    }

    @Blocking
    @Query("managedWastes")
    @Deprecated
    @Description("Registre des déchets gérés (négoce, courtage, intermédiation) par les établissements donnés. " + DEPRECATED)
    public @NonNull ManagedWasteConnection managedWastes(@NonNull @Name("sirets") List<@NonNull String> sirets,
                                                         @Name("where") WasteRegistryWhere where,
                                                         @Name("first") Integer first, @Name("after") @Id String after,
                                                         @Name("last") Integer last, @Name("before") @Id String before) {
        var page = page(RegisterType.MANAGED, ManagedWaste.class, sirets, where, first, after, last, before);
        return new ManagedWasteConnection(page.totalCount(), page.pageInfo(),
                page.edges().stream().map(e -> new ManagedWasteEdge(e.cursor(), e.node())).toList());
    }

    @Blocking
    @Query("allWastes")
    @Deprecated
    @Description("Registre exhaustif : tous les bordereaux où figurent les établissements donnés. " + DEPRECATED)
    public @NonNull AllWasteConnection allWastes(@NonNull @Name("sirets") List<@NonNull String> sirets,
                                                 @Name("where") WasteRegistryWhere where,
                                                 @Name("first") Integer first, @Name("after") @Id String after,
                                                 @Name("last") Integer last, @Name("before") @Id String before) {
        var page = page(RegisterType.ALL, AllWaste.class, sirets, where, first, after, last, before);
        return new AllWasteConnection(page.totalCount(), page.pageInfo(),
                page.edges().stream().map(e -> new AllWasteEdge(e.cursor(), e.node())).toList());
    }

    @Blocking
    @Query("wastesRegistryCsv")
    @Deprecated
    @Description("Lien de téléchargement (valable 10 secondes) du registre au format CSV (séparateur « ; »). " + DEPRECATED)
    public @NonNull FileDownload wastesRegistryCsv(@NonNull @Name("registryType") RegisterType registryType,
                                                   @NonNull @Name("sirets") List<@NonNull String> sirets,
                                                   @Name("where") WasteRegistryWhere where) {
        return exports.link(registryType, authorized(sirets), where, ExportFormat.CSV);
    }

    @Blocking
    @Query("wastesRegistryXls")
    @Deprecated
    @Description("Lien de téléchargement (valable 10 secondes) du registre au format Excel (XLSX). " + DEPRECATED)
    public @NonNull FileDownload wastesRegistryXls(@NonNull @Name("registryType") RegisterType registryType,
                                                   @NonNull @Name("sirets") List<@NonNull String> sirets,
                                                   @Name("where") WasteRegistryWhere where) {
        return exports.link(registryType, authorized(sirets), where, ExportFormat.XLSX);
    }

    private <N> RegisterQueries.Page<N> page(RegisterType register, Class<N> nodeType, List<String> sirets,
                                             WasteRegistryWhere where, Integer first, String after, Integer last, String before) {
        List<String> orgIds = authorized(sirets);
        return queries.page(register, nodeType, orgIds, where, Pagination.of(first, after, last, before));
    }

    /** The asked companies, once the caller is known to have {@code REGISTRY_CAN_READ} on each. */
    private List<String> authorized(List<String> sirets) {
        CallerIdentity caller = Callers.require(identity);
        List<String> orgIds = sirets.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (orgIds.isEmpty()) {
            throw new ApiException.BadUserInput("Indiquez au moins un SIRET (ou n° de TVA) dans sirets.");
        }
        access.checkCanRead(caller, orgIds);
        return orgIds;
    }
}
