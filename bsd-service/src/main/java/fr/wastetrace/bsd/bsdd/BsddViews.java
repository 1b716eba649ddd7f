package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.StateSummary;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds the API's {@link Form} (also the event payload) from a stored BSDD and its transporters. */
public final class BsddViews {
    private static final List<String> API_ONLY = List.of("stateSummary");
    private BsddViews() {
    }

    public static Form of(BsddRecord record, List<TransporterRecord> transporters) {
        Form form = EventCodec.mapper().convertValue(record.data, Form.class);
        form.id = record.id;
        form.readableId = record.readableId;
        form.status = record.status();
        form.createdAt = record.createdAt;
        form.updatedAt = record.updatedAt;
        form.version = record.version;
        form.isDeleted = record.isDeleted;
        form.transporters = new ArrayList<>(transporters.stream().map(t -> t.data).toList());
        form.transporter = form.transporters.isEmpty() ? null : form.transporters.get(0);
        form.quantityAccepted = quantityAccepted(record.data);
        form.stateSummary = stateSummary(record, form.transporters);
        TemporaryStorageService.completeView(form, record);
        return form;
    }

    /** The payload of the BSDD's events: the API view, without what only the API computes. */
    public static JsonNode payload(Form form) {
        ObjectNode payload = EventCodec.mapper().valueToTree(form);
        payload.remove(API_ONLY);
        return payload;
    }

    /** A BSDD as one of its events describes it, and its API view. */
    public record Published(BsddRecord form, List<TransporterRecord> transporters, Form view) {
        public List<Transporter> transporterData() {
            return transporters.stream().map(t -> t.data).toList();
        }
    }

    /**
     * The inverse of {@link #payload}: the stored shape of the BSDD an event payload describes and its view (with what
     * only the API computes). Events do not carry the draft access list, which stays empty here. The bookkeeping
     * dates are columns that PostgreSQL rounds to the microsecond, while the event of a write may carry the finer
     * instant the service stamped: they are read at the stored precision, as a later read of the BSDD shows them.
     */
    public static Published published(JsonNode payload) {
        Form described = EventCodec.mapper().convertValue(payload, Form.class);
        BsddRecord record = new BsddRecord();
        record.id = described.id;
        record.readableId = described.readableId;
        record.setStatus(described.status);
        record.version = described.version;
        record.isDeleted = described.isDeleted;
        record.createdAt = stored(described.createdAt);
        record.updatedAt = stored(described.updatedAt);
        record.data = EventCodec.mapper().convertValue(payload, BsddData.class);
        List<TransporterRecord> transporters = new ArrayList<>();
        for (int i = 0; i < described.transporters.size(); i++) {
            TransporterRecord transporter = new TransporterRecord();
            transporter.formId = described.id;
            transporter.number = i + 1;
            transporter.data = described.transporters.get(i);
            transporters.add(transporter);
        }
        return new Published(record, transporters, of(record, transporters));
    }

    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    static Double quantityAccepted(BsddData d) {
        if (d.wasteAcceptationStatus == null || d.quantityReceived == null) {
            return null;
        }
        if (d.wasteAcceptationStatus == WasteAcceptationStatus.REFUSED) {
            return 0.0;
        }
        double refused = d.quantityRefused == null ? 0 : d.quantityRefused;
        return Math.round((d.quantityReceived - refused) * 1_000_000) / 1_000_000.0;
    }

    private static StateSummary stateSummary(BsddRecord record, List<Transporter> transporters) {
        BsddData d = record.data;
        StateSummary s = new StateSummary();
        WasteDetails w = d.wasteDetails;
        if (w != null) {
            s.quantity = d.quantityReceived != null ? d.quantityReceived : w.quantity;
            s.quantityType = d.quantityReceived != null ? d.quantityReceivedType : w.quantityType;
            if (w.packagingInfos != null) {
                s.packagingInfos = new ArrayList<>(w.packagingInfos);
                s.packagings = w.packagingInfos.stream().map(p -> p.type).distinct().toList();
            }
            s.isSubjectToADR = w.isSubjectToADR;
            s.onuCode = w.onuCode;
            s.nonRoadRegulationMention = w.nonRoadRegulationMention;
        }
        Transporter current = transporters.stream().filter(t -> t.takenOverAt != null)
                .reduce((first, second) -> second)
                .orElse(transporters.isEmpty() ? null : transporters.get(0));
        if (current != null) {
            s.transporter = current.company;
            s.transporterNumberPlate = current.numberPlate;
            s.transporterCustomInfo = current.customInfo;
        }
        s.recipient = d.recipient == null ? null : d.recipient.company;
        s.emitter = d.emitter == null ? null : d.emitter.company;
        s.lastActionOn = switch (record.status()) {
            case SENT -> d.takenOverAt;
            case RECEIVED, ACCEPTED -> d.receivedAt;
            case PROCESSED, NO_TRACEABILITY, AWAITING_GROUP, FOLLOWED_WITH_PNTTD -> d.processedAt;
            default -> record.createdAt;
        };
        if (s.lastActionOn == null) {
            s.lastActionOn = BsddLifecycle.isDraft(record.status()) ? record.createdAt : record.updatedAt;
        }
        return s;
    }
}
