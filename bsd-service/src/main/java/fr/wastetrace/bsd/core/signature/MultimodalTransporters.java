package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.TransporterRow;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transporters of a multimodal type before and while they are on a BSD ({@code bsd_transporter}): created alone,
 * changed while unattached, then attached by their ids in the BSD's input; a transporter who signed is never changed.
 * The type gives its transporter class and its French name ("BSFF", "BSDA"...).
 */
public final class MultimodalTransporters {
    private MultimodalTransporters() {
    }

    /** Stores a new, unattached transporter. */
    public static <T> T saveUnattached(DocumentStore store, String bsdType, String id, T transporter,
                                       Instant createdAt) {
        store.saveTransporter(new TransporterRow(id, bsdType, null, 0, createdAt,
                EventCodec.mapper().valueToTree(transporter)));
        return transporter;
    }

    /** The transporter of an unattached row, as the type's class. */
    public static <T> T read(TransporterRow row, Class<T> type) {
        return EventCodec.mapper().convertValue(row.data(), type);
    }

    /**
     * The transporters of {@code ids}, in that order (a repeated id once): each created beforehand and on no other BSD
     * than {@code bsdId} (null on creation).
     */
    public static <T> List<T> attach(DocumentStore store, String bsdType, String typeName, List<String> ids,
                                     String bsdId, Class<T> type) {
        TransporterChain.checkSize(ids.size());
        Map<String, TransporterRow> rows = store.transporters(bsdType, ids).stream()
                .collect(Collectors.toMap(TransporterRow::id, Function.identity()));
        List<T> chain = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            TransporterRow row = rows.get(id);
            if (row == null) {
                throw new ApiException.BadUserInput("transporters : aucun transporteur " + typeName
                        + " n'a l'identifiant \"" + id + "\".");
            }
            if (row.bsdId() != null && !row.bsdId().equals(bsdId)) {
                throw new ApiException.BadUserInput("transporters : le transporteur \"" + id + "\" est déjà sur un "
                        + "autre " + typeName + ".");
            }
            chain.add(read(row, type));
        }
        return chain;
    }

    /**
     * Refuses a change touching a transporter who already signed: {@code changedPaths} are the state's changed paths,
     * {@code signedBefore} tells, for each transporter before the change, whether it signed.
     */
    public static void checkSignedUnchanged(List<Boolean> signedBefore, Set<String> changedPaths) {
        for (int i = 0; i < signedBefore.size(); i++) {
            String prefix = "transporters[" + i + "]";
            if (signedBefore.get(i) && changedPaths.stream().anyMatch(p -> p.startsWith(prefix))) {
                throw new ApiException.BadUserInput("Des champs ont été verrouillés par une signature et ne peuvent "
                        + "plus être modifiés : le transporteur n°" + (i + 1));
            }
        }
    }

    /**
     * The transporters of a duplicated BSD: each with a new id and only who it is (company, receipt, custom info);
     * its transport, plates and signature stay on the original.
     */
    public static <T> List<T> duplicates(List<T> chain, Class<T> type) {
        List<T> copies = new ArrayList<>();
        for (T t : chain) {
            ObjectNode original = json(t);
            ObjectNode copy = EventCodec.mapper().createObjectNode().put("id", Ids.newId());
            for (String kept : List.of("company", "recepisse", "customInfo")) {
                if (original.hasNonNull(kept)) {
                    copy.set(kept, original.get(kept));
                }
            }
            copies.add(EventCodec.mapper().convertValue(copy, type));
        }
        return copies;
    }

    /**
     * Writes a transporter input into a transporter, in place: the fields given replace (objects merge), the others stay;
     * the input's null fields leave the transporter's as they are. The company's org id is derived again.
     */
    public static <T> void apply(T transporter, Object input) {
        ObjectNode node = json(transporter);
        JsonMerge.merge(node, Patches.of(input));
        if (node.get("company") instanceof ObjectNode company) {
            company.put("orgId", EventCodec.mapper().convertValue(company, FormCompany.class)
                    .identifier());
        }
        try {
            EventCodec.mapper().readerForUpdating(transporter).readValue(node);
        } catch (IOException e) {
            throw new IllegalStateException("transporter input not applicable", e);
        }
    }

    /** The JSON of a transporter, as its row keeps it. */
    public static ObjectNode json(Object transporter) {
        return EventCodec.mapper().valueToTree(transporter);
    }
}
