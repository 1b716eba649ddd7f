package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaInput;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaEmitter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.InitialBsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWorker;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.events.EventCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A client's {@code BsdaInput} written into the BSDA's document: only the fields given change (core
 * {@code JsonMerge}); {@code transporter} is transporter number 1 and {@code transporters} the chain by ids;
 * {@code grouping} and {@code forwarding} are linked by the service. Then the derived values ({@code orgId},
 * {@code transporter}, empty lists).
 */
final class BsdaDocuments {

    private BsdaDocuments() {
    }

    /** Writes the client's fields into a copy of the document and returns it; {@code attach} resolves transporter ids. */
    static Bsda apply(Bsda doc, BsdaInput input, Function<List<String>, List<BsdaTransporter>> attach) {
        ObjectNode patch = Patches.of(input);
        patch.remove(List.of("transporter", "transporters", "grouping", "forwarding"));
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        JsonMerge.merge(node, patch);
        Bsda merged = EventCodec.mapper().convertValue(node, Bsda.class);
        merged.transporters = BsdaService.TRANSPORTERS.afterInput(doc.transporters, input.transporters, attach,
                input.transporter, doc.transporters);
        normalize(merged);
        return merged;
    }

    /** The client's fields of a transporter written into it (only those given). */
    /** The BSDAs a BSDA holds: those it groups, then the one it forwards. */
    static List<String> heldIds(Bsda doc) {
        List<String> ids = new ArrayList<>();
        if (doc.grouping != null) {
            doc.grouping.forEach(g -> ids.add(g.id));
        }
        if (doc.forwarding != null) {
            ids.add(doc.forwarding.id);
        }
        return ids;
    }


    /** Derived values: org ids of companies, transporter 1, empty lists, the packagings' identification numbers. */
    static void normalize(Bsda doc) {
        if (doc.emitter == null) {
            doc.emitter = new BsdaEmitter();
        }
        if (doc.worker == null) {
            doc.worker = new BsdaWorker();
        }
        for (FormCompany c : companies(doc)) {
            c.orgId = c.identifier();
        }
        if (doc.intermediaries == null) {
            doc.intermediaries = new ArrayList<>();
        }
        if (doc.grouping == null) {
            doc.grouping = new ArrayList<>();
        }
        if (doc.packagings == null) {
            doc.packagings = new ArrayList<>();
        }
        for (BsdaPackaging p : doc.packagings) {
            if (p.identificationNumbers == null) {
                p.identificationNumbers = new ArrayList<>();
            }
        }
        if (doc.transporters == null) {
            doc.transporters = new ArrayList<>();
        }
        doc.transporter = doc.transporters.isEmpty() ? null : doc.transporters.get(0);
    }

    /** Every company written on the BSDA (null ones left out). */
    private static List<FormCompany> companies(Bsda doc) {
        var destination = doc.destination;
        var operation = destination == null ? null : destination.operation;
        List<FormCompany> list = new ArrayList<>(doc.intermediaries == null ? List.of() : doc.intermediaries);
        list.add(doc.emitter.company);
        list.add(doc.worker.company);
        list.add(destination == null ? null : destination.company);
        list.add(operation == null || operation.nextDestination == null ? null : operation.nextDestination.company);
        list.add(doc.broker == null ? null : doc.broker.company);
        doc.transporters.forEach(t -> list.add(t.company));
        list.removeIf(Objects::isNull);
        return list;
    }

    /** {@code child} is forwarded by {@code parent}: it carries its id and its destination company. */
    static void forwardedBy(Bsda child, Bsda parent) {
        child.forwardedInId = parent.id;
        child.forwardedInDestinationCompany = forwardedDestination(parent);
    }

    /** {@code child} is no longer grouped nor forwarded. */
    static void release(Bsda child) {
        child.groupedInId = null;
        child.forwardedInId = null;
        child.forwardedInDestinationCompany = null;
    }

    /**
     * What the BSDA it forwards keeps of a RESHIPMENT BSDA's destination company (for the registers' columns after
     * temporary storage): its name, identifiers, address and country, not its contact details; null without one.
     */
    static FormCompany forwardedDestination(Bsda parent) {
        FormCompany company = parent.destination == null ? null : parent.destination.company;
        if (company == null) {
            return null;
        }
        FormCompany kept = new FormCompany();
        kept.name = company.name;
        kept.siret = company.siret;
        kept.vatNumber = company.vatNumber;
        kept.orgId = company.identifier();
        kept.address = company.address;
        kept.country = company.country;
        return kept;
    }

    /** Whether two companies are written the same. */
    static boolean same(FormCompany a, FormCompany b) {
        return Objects.equals(EventCodec.mapper().valueToTree(a), EventCodec.mapper().valueToTree(b));
    }

    /** A BSDA as the BSDA grouping or forwarding it shows it. */
    static InitialBsda initial(Bsda b) {
        Bsda copy = BsdPipeline.copy(b, Bsda.class);
        InitialBsda i = new InitialBsda();
        i.id = b.id;
        i.emitter = copy.emitter;
        i.waste = copy.waste;
        i.weight = copy.weight;
        i.destination = copy.destination;
        i.packagings = copy.packagings == null ? new ArrayList<>() : copy.packagings;
        return i;
    }
}
