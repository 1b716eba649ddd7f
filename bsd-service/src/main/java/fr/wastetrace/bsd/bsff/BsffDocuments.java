package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffPackagingInput;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmitter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.events.EventCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A client's {@code BsffInput} written into the BSFF's document: only the fields given change (core
 * {@code JsonMerge}); {@code transporter} is transporter number 1 and {@code transporters} the chain by ids;
 * {@code packagings} replaces the containers (each keeps the id of the container at its position); the follow-up
 * lists ({@code grouping}, {@code forwarding}, {@code repackaging}) and the intervention sheets are the service's.
 */
final class BsffDocuments {

    private BsffDocuments() {
    }

    static void apply(Bsff doc, BsffInput input, Bsff before, Function<List<String>, List<BsffTransporter>> attach) {
        ObjectNode patch = Patches.of(input);
        patch.remove(List.of("transporter", "transporters", "packagings", "ficheInterventions", "grouping",
                "forwarding", "repackaging"));
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        JsonMerge.merge(node, patch);
        Bsff merged = EventCodec.mapper().convertValue(node, Bsff.class);
        doc.type = merged.type;
        doc.emitter = merged.emitter;
        doc.waste = merged.waste;
        doc.weight = merged.weight;
        doc.destination = merged.destination;
        doc.transporters = BsffService.TRANSPORTERS.afterInput(doc.transporters, input.transporters, attach,
                input.transporter, before == null ? null : before.transporters);
        if (input.packagings != null) {
            List<BsffPackaging> list = new ArrayList<>();
            for (int i = 0; i < input.packagings.size(); i++) {
                BsffPackaging p = packaging(input.packagings.get(i));
                p.id = i < doc.packagings.size() ? doc.packagings.get(i).id : Ids.newId();
                list.add(p);
            }
            doc.packagings = list;
        }
    }

    static BsffPackaging packaging(BsffPackagingInput in) {
        BsffPackaging p = new BsffPackaging();
        p.numero = in.numero;
        p.emissionNumero = in.numero;
        p.type = in.type;
        p.other = in.other;
        p.volume = in.volume;
        p.weight = in.weight;
        return p;
    }


    /** Derived values: org ids of companies, transporter 1, each container's BSFF id. */
    static void normalize(Bsff doc) {
        if (doc.emitter == null) {
            doc.emitter = new BsffEmitter();
        }
        for (FormCompany c : companies(doc)) {
            c.orgId = c.identifier();
        }
        doc.transporter = doc.transporters.isEmpty() ? null : doc.transporters.get(0);
        for (BsffPackaging p : doc.packagings) {
            p.bsffId = doc.id;
            if (p.previousPackagingIds == null) {
                p.previousPackagingIds = new ArrayList<>();
            }
        }
    }

    private static List<FormCompany> companies(Bsff doc) {
        List<FormCompany> list = new ArrayList<>();
        list.add(doc.emitter.company);
        if (doc.destination != null) {
            list.add(doc.destination.company);
        }
        doc.transporters.forEach(t -> list.add(t.company));
        doc.ficheInterventions.forEach(f -> {
            if (f.detenteur != null) {
                list.add(f.detenteur.company);
            }
            if (f.operateur != null) {
                list.add(f.operateur.company);
            }
        });
        doc.packagings.forEach(p -> {
            if (p.operation != null && p.operation.nextDestination != null) {
                list.add(p.operation.nextDestination.company);
            }
        });
        list.removeIf(Objects::isNull);
        return list;
    }
}
