package fr.wastetrace.bsd.core.persistence;

import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transporters of a multimodal type before they are attached to a BSD ({@code create<Type>Transporter}, then the
 * BSD's {@code transporters: [ID!]}): saving one that is not attached yet, and resolving a list of ids into the chain
 * of a BSD, each created beforehand and not attached to another BSD. {@code T} is the type's GraphQL transporter.
 */
public final class DetachedTransporters {
    private DetachedTransporters() {
    }

    /** Saves (inserts or replaces) a transporter attached to no BSD. */
    public static void save(DocumentStore store, String bsdType, String id, Instant createdAt, Object transporter) {
        store.saveTransporter(new TransporterRow(id, bsdType, null, 0, createdAt,
                EventCodec.mapper().valueToTree(transporter)));
    }

    /**
     * The transporters of {@code ids}, in that order, for the BSD {@code bsdId} (null on creation); a
     * {@code BAD_USER_INPUT} naming the field {@code transporters} for an unknown id or one attached elsewhere.
     */
    public static <T> List<T> chain(DocumentStore store, String bsdType, List<String> ids, String bsdId,
                                    Class<T> type) {
        TransporterChain.checkSize(ids.size());
        Map<String, TransporterRow> byId = store.transporters(bsdType, ids).stream()
                .collect(Collectors.toMap(TransporterRow::id, Function.identity()));
        List<T> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            TransporterRow row = byId.get(id);
            if (row == null) {
                throw new ApiException.BadUserInput("transporters : aucun transporteur n'a l'identifiant \"" + id
                        + "\" (créez-le d'abord).");
            }
            if (row.bsdId() != null && !row.bsdId().equals(bsdId)) {
                throw new ApiException.BadUserInput("transporters : le transporteur \"" + id + "\" figure déjà sur "
                        + "le bordereau " + row.bsdId() + ".");
            }
            out.add(EventCodec.mapper().convertValue(row.data(), type));
        }
        return out;
    }
}
