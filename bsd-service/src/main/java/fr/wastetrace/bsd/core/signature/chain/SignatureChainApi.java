package fr.wastetrace.bsd.core.signature.chain;

import fr.wastetrace.bsd.core.search.BsdSearch;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code wastetraceSignatureChain}: any BSD's signature chain, verified, for those who may read the BSD. */
@GraphQLApi
public class SignatureChainApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsdSearch search;
    @Inject
    SignatureChain chain;

    @Query("wastetraceSignatureChain")
    @Description("Extension wastetrace : renvoie la chaîne d'empreintes des signatures d'un bordereau de n'importe "
            + "quel type (identifiant ou numéro lisible) et la vérifie : chaque signature enregistre le SHA-256 du "
            + "contenu du bordereau à cet instant, chaîné à l'empreinte de la signature précédente. Lisible par ceux "
            + "qui peuvent lire le bordereau.")
    public @NonNull WastetraceSignatureChain wastetraceSignatureChain(@Name("id") @NonNull @Id String id) {
        Map.Entry<String, String> bsd = search.readableBy(Callers.require(identity), id);
        List<ChainHash.Link> links = chain.links(bsd.getKey());
        ChainHash.Verdict verdict = ChainHash.verify(links);
        WastetraceSignatureChain out = new WastetraceSignatureChain();
        out.bsdId = bsd.getKey();
        out.bsdType = bsd.getValue();
        out.valid = verdict.valid();
        out.firstBrokenPosition = verdict.firstBroken().orElse(null);
        out.lastHash = links.isEmpty() ? null : links.get(links.size() - 1).hash();
        out.links = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            ChainHash.Link l = links.get(i);
            WastetraceSignatureLink link = new WastetraceSignatureLink();
            link.position = l.position();
            link.signatureType = l.signatureType();
            link.signedAt = l.signedAt();
            link.author = l.author();
            link.subject = l.subject();
            link.orgId = l.orgId();
            link.previousHash = l.previousHash();
            link.contentHash = l.contentHash();
            link.hash = l.hash();
            link.valid = verdict.problems().get(i).isEmpty();
            out.links.add(link);
        }
        return out;
    }
}
