package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bspaoh.graphql.BspaohInput;
import fr.wastetrace.bsd.bspaoh.graphql.BspaohPackagingAcceptationInput;
import fr.wastetrace.bsd.bspaoh.graphql.BspaohPackagingInput;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackaging;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohReceptionWasteWeight;
import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import fr.wastetrace.bsd.bspaoh.model.BspaohWaste;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's {@code BspaohInput} written into the BSPAOH's document: only the fields given change (core
 * {@code JsonMerge}); packagings given replace the list and get the server's ids ({@code packaging_<n>}, acceptation
 * PENDING); the acceptation of each packaging at reception is written on the packaging; the operation mode, not part
 * of the object, is not kept. Then the derived values ({@code orgId}, {@code transporters}, the accepted weight).
 */
final class BspaohInputs {

    private BspaohInputs() {
    }

    /** The document with the client's fields written in (only those given). */
    static Bspaoh merge(Bspaoh doc, BspaohInput input) {
        ObjectNode patch = Patches.of(input);
        if (patch.get("waste") instanceof ObjectNode waste) {
            waste.remove("packagings");
        }
        if (patch.at("/destination/reception/acceptation") instanceof ObjectNode acceptation) {
            acceptation.remove("packagings");
        }
        if (patch.at("/destination/operation") instanceof ObjectNode operation) {
            operation.remove("mode");
        }
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        JsonMerge.merge(node, patch);
        Bspaoh merged = EventCodec.mapper().convertValue(node, Bspaoh.class);
        if (input.waste != null && input.waste.packagings != null) {
            if (merged.waste == null) {
                merged.waste = new BspaohWaste();
            }
            merged.waste.packagings = packagings(input.waste.packagings);
        }
        if (merged.transporter != null && merged.transporter.id == null) {
            merged.transporter.id = Ids.newId();
        }
        return merged;
    }

    private static List<BspaohPackaging> packagings(List<BspaohPackagingInput> inputs) {
        List<BspaohPackaging> list = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BspaohPackagingInput in = inputs.get(i);
            BspaohPackaging p = new BspaohPackaging();
            p.id = "packaging_" + i;
            p.type = in.type;
            p.volume = in.volume;
            p.containerNumber = in.containerNumber;
            p.quantity = in.quantity;
            p.consistence = in.consistence;
            p.identificationCodes = in.identificationCodes == null ? new ArrayList<>() : in.identificationCodes;
            p.acceptation = BspaohPackagingAcceptationStatus.PENDING;
            list.add(p);
        }
        return list;
    }

    /** The crematorium's answer for each packaging given, by id: unknown or repeated ids are refused. */
    static Problems acceptations(Bspaoh doc, BspaohInput input, Problems problems) {
        List<BspaohPackagingAcceptationInput> answers = input.destination == null
                || input.destination.reception == null || input.destination.reception.acceptation == null ? null
                : input.destination.reception.acceptation.packagings;
        if (answers == null || answers.isEmpty()) {
            return problems;
        }
        Map<String, BspaohPackaging> byId = doc.waste == null || doc.waste.packagings == null ? Map.of()
                : doc.waste.packagings.stream().collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a));
        Set<String> seen = new HashSet<>();
        if (answers.stream().anyMatch(a -> !seen.add(a.id))) {
            problems.add("Les informations d'acceptation de packagings comportent des identifiants en doublon");
        }
        if (answers.stream().anyMatch(a -> !byId.containsKey(a.id))) {
            return problems.add("Les informations d'acceptation de packagings ne correspondent pas aux packagings");
        }
        answers.forEach(a -> byId.get(a.id).acceptation = a.acceptation);
        return problems;
    }

    /** Derived values: the waste's default type, org ids, the transporters list, the accepted weight. */
    static void normalize(Bspaoh doc) {
        if (doc.waste == null) {
            doc.waste = new BspaohWaste();
        }
        if (doc.waste.type == null) {
            doc.waste.type = BspaohType.PAOH;
        }
        if (doc.waste.packagings == null) {
            doc.waste.packagings = new ArrayList<>();
        }
        doc.waste.packagings.forEach(p -> {
            if (p.acceptation == null) {
                p.acceptation = BspaohPackagingAcceptationStatus.PENDING;
            }
        });
        for (FormCompany c : companies(doc)) {
            c.orgId = c.identifier();
        }
        doc.transporters = doc.transporter == null ? new ArrayList<>() : new ArrayList<>(List.of(doc.transporter));
        if (doc.destination != null && doc.destination.reception != null
                && doc.destination.reception.detail != null) {
            var detail = doc.destination.reception.detail;
            Double received = detail.receivedWeight == null ? null : detail.receivedWeight.value;
            Double refused = detail.refusedWeight == null ? null : detail.refusedWeight.value;
            detail.acceptedWeight = received == null ? null : weight(received - (refused == null ? 0 : refused));
        }
    }

    private static BspaohReceptionWasteWeight weight(double value) {
        BspaohReceptionWasteWeight w = new BspaohReceptionWasteWeight();
        w.value = value;
        return w;
    }

    private static List<FormCompany> companies(Bspaoh doc) {
        List<FormCompany> list = new ArrayList<>();
        if (doc.emitter != null && doc.emitter.company != null) {
            list.add(doc.emitter.company);
        }
        if (doc.destination != null && doc.destination.company != null) {
            list.add(doc.destination.company);
        }
        if (doc.transporter != null && doc.transporter.company != null) {
            list.add(doc.transporter.company);
        }
        return list;
    }
}
