package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriInput;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEmission;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEmitter;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriPackaging;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.InitialBsdasri;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.events.EventCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's {@code BsdasriInput} written into the document (only the fields given change, core {@code JsonMerge}),
 * and the values derived from the document: volumes from the packagings, org ids, a synthesis's sums.
 */
final class BsdasriDocuments {

    private BsdasriDocuments() {
    }

    /** The document with the client's fields written in ({@code grouping} and {@code synthesizing} apart). */
    static Bsdasri apply(Bsdasri doc, BsdasriInput input) {
        ObjectNode patch = Patches.of(input);
        patch.remove(List.of("grouping", "synthesizing"));
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        JsonMerge.merge(node, patch);
        Bsdasri merged = EventCodec.mapper().convertValue(node, Bsdasri.class);
        normalize(merged);
        return merged;
    }

    /** Derived values: org ids of companies, the volumes of each step's packagings, empty lists. */
    static void normalize(Bsdasri doc) {
        if (doc.emitter == null) {
            doc.emitter = new BsdasriEmitter();
        }
        if (doc.intermediaries == null) {
            doc.intermediaries = new ArrayList<>();
        }
        if (doc.grouping == null) {
            doc.grouping = new ArrayList<>();
        }
        if (doc.synthesizing == null) {
            doc.synthesizing = new ArrayList<>();
        }
        for (FormCompany c : companies(doc)) {
            c.orgId = c.identifier();
        }
        if (doc.emitter.emission != null) {
            doc.emitter.emission.volume = volume(doc.emitter.emission.packagings);
        }
        if (doc.transporter != null && doc.transporter.transport != null) {
            doc.transporter.transport.volume = volume(doc.transporter.transport.packagings);
        }
        if (doc.destination != null && doc.destination.reception != null) {
            doc.destination.reception.volume = volume(doc.destination.reception.packagings);
        }
    }

    /** The total volume of packagings (quantity × unit volume), null without packagings. */
    static Double volume(List<BsdasriPackaging> packagings) {
        if (packagings == null || packagings.isEmpty()) {
            return null;
        }
        return packagings.stream().mapToDouble(p -> (p.quantity == null ? 0 : p.quantity)
                * (p.volume == null ? 0 : p.volume)).sum();
    }

    static int quantity(List<BsdasriPackaging> packagings) {
        return packagings == null ? 0 : packagings.stream().mapToInt(p -> p.quantity == null ? 0 : p.quantity).sum();
    }

    /** The packagings of several BSDASRIs summed by (type, other, unit volume). */
    static List<BsdasriPackaging> sum(List<List<BsdasriPackaging>> lists) {
        Map<String, BsdasriPackaging> byKind = new LinkedHashMap<>();
        for (List<BsdasriPackaging> list : lists) {
            if (list == null) {
                continue;
            }
            for (BsdasriPackaging p : list) {
                String key = p.type + "|" + p.other + "|" + p.volume;
                BsdasriPackaging total = byKind.computeIfAbsent(key, k -> {
                    BsdasriPackaging t = new BsdasriPackaging();
                    t.type = p.type;
                    t.other = p.other;
                    t.volume = p.volume;
                    t.quantity = 0;
                    return t;
                });
                total.quantity += p.quantity == null ? 0 : p.quantity;
            }
        }
        return new ArrayList<>(byKind.values());
    }

    /** A BSDASRI as the grouping or synthesis that holds it shows it. */
    static InitialBsdasri initial(Bsdasri child) {
        InitialBsdasri i = new InitialBsdasri();
        i.id = child.id;
        boolean synthesized = child.transporter != null && child.transporter.transport != null
                && child.transporter.transport.packagings != null;
        List<BsdasriPackaging> packagings = synthesized ? child.transporter.transport.packagings
                : child.destination != null && child.destination.reception != null
                ? child.destination.reception.packagings : null;
        i.quantity = quantity(packagings);
        i.volume = volume(packagings);
        i.weight = child.destination != null && child.destination.operation != null
                && child.destination.operation.weight != null ? child.destination.operation.weight.value
                : child.transporter != null && child.transporter.transport != null
                && child.transporter.transport.weight != null ? child.transporter.transport.weight.value : null;
        i.takenOverAt = child.transporter == null || child.transporter.transport == null ? null
                : child.transporter.transport.takenOverAt;
        i.postalCode = child.emitter == null || child.emitter.pickupSite == null ? null
                : child.emitter.pickupSite.postalCode;
        return i;
    }

    static BsdasriEmission emission(Bsdasri doc) {
        if (doc.emitter.emission == null) {
            doc.emitter.emission = new BsdasriEmission();
        }
        return doc.emitter.emission;
    }

    private static List<FormCompany> companies(Bsdasri doc) {
        List<FormCompany> list = new ArrayList<>();
        list.add(doc.emitter.company);
        if (doc.transporter != null) {
            list.add(doc.transporter.company);
        }
        if (doc.destination != null) {
            list.add(doc.destination.company);
        }
        if (doc.broker != null) {
            list.add(doc.broker.company);
        }
        if (doc.trader != null) {
            list.add(doc.trader.company);
        }
        list.addAll(doc.intermediaries);
        list.removeIf(Objects::isNull);
        return list;
    }
}
