package fr.wastetrace.bsd.bsdd.revision;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.TemporaryStorageService;
import fr.wastetrace.bsd.bsdd.model.Broker;
import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestTemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestWasteDetails;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Trader;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.events.EventCodec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a revision request changes on a BSDD: the fields it revises, the BSDD once revised, and the BSDD as it was when
 * the request was made. The content's field names are those of the BSDD ({@code wasteDetails.code},
 * {@code recipient.cap}, ...), apart from {@code temporaryStorageDetail}, which revises the temporary storer's
 * quantities and the final destination's CAP and planned operation.
 */
final class RevisionContents {

    private RevisionContents() {
    }

    /**
     * The fields the content revises, as paths ({@code wasteDetails.name}, {@code trader}, ...), without
     * {@code isCanceled}. Trader and broker count as one field each: a revision replaces them whole.
     */
    static Set<String> revisedFields(FormRevisionRequestContent content) {
        Set<String> paths = new TreeSet<>();
        JsonNode node = EventCodec.mapper().valueToTree(content);
        collect(node, "", paths);
        paths.remove("isCanceled");
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String path = prefix + f.getKey();
            JsonNode value = f.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isObject() && !path.equals("trader") && !path.equals("broker")) {
                collect(value, path + ".", paths);
            } else {
                paths.add(path);
            }
        }
    }

    static boolean isCancellation(FormRevisionRequestContent content) {
        return Boolean.TRUE.equals(content.isCanceled);
    }

    /**
     * Writes the content onto the BSDD's document. A new waste code clears {@code isDangerous}, which the automatic
     * corrections then derive from the code; a new operation code takes its label as description unless one is given,
     * drops a mode it does not allow, and a final operation ends a traceability break and its next destination.
     */
    static void applyTo(BsddData data, FormRevisionRequestContent content) {
        if (content.recipient != null && content.recipient.cap != null) {
            if (data.recipient == null) {
                data.recipient = new Recipient();
            }
            data.recipient.cap = content.recipient.cap;
        }
        FormRevisionRequestWasteDetails waste = content.wasteDetails;
        if (waste != null) {
            if (data.wasteDetails == null) {
                data.wasteDetails = new WasteDetails();
            }
            WasteDetails w = data.wasteDetails;
            if (waste.code != null) {
                w.code = waste.code;
                w.isDangerous = null;
            }
            w.name = Optional.ofNullable(waste.name).orElse(w.name);
            w.pop = Optional.ofNullable(waste.pop).orElse(w.pop);
            if (waste.packagingInfos != null) {
                w.packagingInfos = new ArrayList<>(waste.packagingInfos.stream().map(RevisionContents::copy).toList());
            }
            w.sampleNumber = Optional.ofNullable(waste.sampleNumber).orElse(w.sampleNumber);
            w.quantity = Optional.ofNullable(waste.quantity).orElse(w.quantity);
        }
        if (content.trader != null) {
            data.trader = copy(content.trader, Trader.class);
        }
        if (content.broker != null) {
            data.broker = copy(content.broker, Broker.class);
        }
        temporaryStorage(data, content);
        data.quantityReceived = Optional.ofNullable(content.quantityReceived).orElse(data.quantityReceived);
        data.quantityRefused = Optional.ofNullable(content.quantityRefused).orElse(data.quantityRefused);
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(content.processingOperationDone);
        if (operation.isPresent()) {
            ProcessingOperation op = operation.get();
            data.processingOperationDone = op.code();
            if (op.modes().isEmpty()) {
                data.destinationOperationMode = null;
            } else if (content.destinationOperationMode != null) {
                data.destinationOperationMode = content.destinationOperationMode;
            }
            data.processingOperationDescription = Optional.ofNullable(content.processingOperationDescription)
                    .orElse(op.label());
            if (!op.grouping()) {
                data.noTraceability = Boolean.TRUE.equals(data.noTraceability) ? Boolean.FALSE : data.noTraceability;
                data.nextDestination = null;
            }
        } else {
            data.destinationOperationMode = Optional.ofNullable(content.destinationOperationMode)
                    .orElse(data.destinationOperationMode);
            data.processingOperationDescription = Optional.ofNullable(content.processingOperationDescription)
                    .orElse(data.processingOperationDescription);
        }
    }

    /**
     * The temporary storage's revised fields: the quantities the temporary storer received and refused (its accepted
     * quantity follows, and so does the quantity of the suite's waste, which is what it sends on), the final
     * destination's CAP and planned operation. The final destination's reception and processing are the BSDD's own
     * fields ({@code quantityReceived}, {@code processingOperationDone}, ...).
     */
    private static void temporaryStorage(BsddData data, FormRevisionRequestContent content) {
        FormRevisionRequestTemporaryStorageDetail revised = content.temporaryStorageDetail;
        TemporaryStorageDetail t = data.temporaryStorageDetail;
        if (revised == null || t == null) {
            return;
        }
        if (revised.destination != null) {
            if (t.destination == null) {
                t.destination = new Destination();
            }
            t.destination.cap = Optional.ofNullable(revised.destination.cap).orElse(t.destination.cap);
            t.destination.processingOperation = Optional.ofNullable(revised.destination.processingOperation)
                    .orElse(t.destination.processingOperation);
        }
        TemporaryStorer storer = t.temporaryStorer;
        if (revised.temporaryStorer != null && storer != null) {
            storer.quantityReceived = Optional.ofNullable(revised.temporaryStorer.quantityReceived)
                    .orElse(storer.quantityReceived);
            storer.quantityRefused = Optional.ofNullable(revised.temporaryStorer.quantityRefused)
                    .orElse(storer.quantityRefused);
            if (storer.wasteAcceptationStatus != null) {
                storer.quantityAccepted = TemporaryStorageService.acceptedQuantity(storer);
            }
            if (t.wasteDetails != null && revised.temporaryStorer.quantityReceived != null) {
                t.wasteDetails.quantity = storer.quantityAccepted != null ? storer.quantityAccepted
                        : storer.quantityReceived;
            }
        }
    }

    /** The current document with the revisable fields as they were when the request was made. */
    static BsddData asRequested(BsddData current, BsddData initial) {
        BsddData view = copy(current, BsddData.class);
        if (view.recipient != null) {
            view.recipient.cap = initial.recipient == null ? null : initial.recipient.cap;
        }
        if (view.wasteDetails != null && initial.wasteDetails != null) {
            WasteDetails w = view.wasteDetails;
            WasteDetails before = initial.wasteDetails;
            w.code = before.code;
            w.isDangerous = before.isDangerous;
            w.name = before.name;
            w.pop = before.pop;
            w.packagingInfos = before.packagingInfos;
            w.packagings = before.packagings;
            w.numberOfPackages = before.numberOfPackages;
            w.sampleNumber = before.sampleNumber;
            w.quantity = before.quantity;
        }
        view.trader = initial.trader;
        view.broker = initial.broker;
        view.quantityReceived = initial.quantityReceived;
        view.quantityRefused = initial.quantityRefused;
        view.processingOperationDone = initial.processingOperationDone;
        view.destinationOperationMode = initial.destinationOperationMode;
        view.processingOperationDescription = initial.processingOperationDescription;
        view.noTraceability = initial.noTraceability;
        view.nextDestination = initial.nextDestination;
        if (view.temporaryStorageDetail != null && initial.temporaryStorageDetail != null) {
            TemporaryStorageDetail t = view.temporaryStorageDetail;
            TemporaryStorageDetail before = initial.temporaryStorageDetail;
            if (t.destination != null && before.destination != null) {
                t.destination.cap = before.destination.cap;
                t.destination.processingOperation = before.destination.processingOperation;
            }
            if (t.temporaryStorer != null && before.temporaryStorer != null) {
                t.temporaryStorer.quantityReceived = before.temporaryStorer.quantityReceived;
                t.temporaryStorer.quantityRefused = before.temporaryStorer.quantityRefused;
                t.temporaryStorer.quantityAccepted = before.temporaryStorer.quantityAccepted;
            }
            if (t.wasteDetails != null && before.wasteDetails != null) {
                t.wasteDetails.quantity = before.wasteDetails.quantity;
            }
        }
        return view;
    }

    private static PackagingInfo copy(PackagingInfo p) {
        return copy(p, PackagingInfo.class);
    }

    static <T> T copy(T value, Class<T> type) {
        return value == null ? null : EventCodec.mapper().convertValue(EventCodec.mapper().valueToTree(value), type);
    }
}
