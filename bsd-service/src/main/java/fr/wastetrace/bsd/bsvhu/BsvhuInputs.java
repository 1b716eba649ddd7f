package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsvhu.graphql.BsvhuCompanyInput;
import fr.wastetrace.bsd.bsvhu.graphql.BsvhuInput;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuEmitter;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.events.EventCodec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A client's {@code BsvhuInput} written into the BSVHU's document: only the fields given change (core
 * {@code JsonMerge}), the emitter's address given in parts becomes one address, {@code transporter} is transporter
 * number 1 and {@code transporters} the chain by ids; then the derived values ({@code orgId}, {@code transporter}).
 */
final class BsvhuInputs {

    private BsvhuInputs() {
    }

    /**
     * Writes the client's fields into the document (only those given); {@code before} is null on creation;
     * {@code attach} gives the transporters of a list of ids.
     */
    static void apply(Bsvhu doc, BsvhuInput input, Bsvhu before, Function<List<String>, List<BsvhuTransporter>> attach) {
        ObjectNode patch = Patches.of(input);
        patch.remove(List.of("transporter", "transporters"));
        if (input.emitter != null && input.emitter.company != null) {
            ((ObjectNode) patch.get("emitter")).set("company", companyPatch(input.emitter.company));
        }
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        JsonMerge.merge(node, patch);
        Bsvhu merged = EventCodec.mapper().convertValue(node, Bsvhu.class);
        merged.transporters = doc.transporters;
        copyInto(merged, doc);
        doc.transporters = BsvhuService.TRANSPORTERS.afterInput(doc.transporters, input.transporters, attach,
                input.transporter, before == null ? null : before.transporters);
    }

    /** The emitter's company: an address given in parts (street, postal code, city) is written as one address. */
    private static ObjectNode companyPatch(BsvhuCompanyInput company) {
        ObjectNode node = Patches.of(company);
        node.remove(List.of("street", "city", "postalCode"));
        if (company.address == null && (company.street != null || company.city != null || company.postalCode != null)) {
            node.put("address", Stream.of(company.street, company.postalCode, company.city)
                    .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" ")));
        }
        return node;
    }

    private static void copyInto(Bsvhu from, Bsvhu to) {
        for (Field f : Bsvhu.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                f.set(to, f.get(from));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }


    /** Derived values: org ids of companies, transporter 1, empty lists. */
    static void normalize(Bsvhu doc) {
        if (doc.emitter == null) {
            doc.emitter = new BsvhuEmitter();
        }
        for (FormCompany c : companies(doc)) {
            c.orgId = c.identifier();
        }
        if (doc.intermediaries == null) {
            doc.intermediaries = new ArrayList<>();
        }
        doc.transporter = doc.transporters.isEmpty() ? null : doc.transporters.get(0);
    }

    private static List<FormCompany> companies(Bsvhu doc) {
        List<FormCompany> list = new ArrayList<>();
        list.add(doc.emitter.company);
        if (doc.destination != null) {
            list.add(doc.destination.company);
            if (doc.destination.operation != null && doc.destination.operation.nextDestination != null) {
                list.add(doc.destination.operation.nextDestination.company);
            }
        }
        doc.transporters.forEach(t -> list.add(t.company));
        if (doc.broker != null) {
            list.add(doc.broker.company);
        }
        if (doc.trader != null) {
            list.add(doc.trader.company);
        }
        if (doc.intermediaries != null) {
            list.addAll(doc.intermediaries);
        }
        list.removeIf(Objects::isNull);
        return list;
    }
}
