package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A fixed set of events of the six BSD types (fixed ids, dates and SIRETs of their own), whose registers are golden. */
public final class GoldenEvents {
    /** Every SIRET of the fixtures' states becomes one of these events' own (leading digit 0): no other test's lines mix in. */
    public static final Pattern SIRET = Pattern.compile("\"(\\d)(\\d{13})\"");
    private static final Instant T = Instant.parse("2026-03-02T09:15:30Z");

    private GoldenEvents() {
    }

    /** The fixed events: each type along its lifecycle, with this test's ids and SIRETs. */
    public static List<EventEnvelope> events() {
        List<EventEnvelope> events = new ArrayList<>();
        // BSDD: processed, and one only sent.
        ObjectNode form = BsddStates.sealed("golden-bsdd-1", "BSD-20260302-GOLD00001", T);
        events.add(BsddStates.upserted(form.deepCopy(), 1, T));
        events.add(BsddStates.upserted(BsddStates.sent(form, T.plusSeconds(3600)).deepCopy(), 2, T));
        events.add(BsddStates.upserted(BsddStates.received(form, T.plusSeconds(7200)).deepCopy(), 3, T));
        events.add(BsddStates.upserted(BsddStates.processed(form, T.plusSeconds(86_400)).deepCopy(), 4, T));
        ObjectNode sent = BsddStates.sealed("golden-bsdd-2", "BSD-20260302-GOLD00002", T.plusSeconds(60));
        events.add(BsddStates.upserted(BsddStates.sent(sent, T.plusSeconds(5400)), 2, T));
        // BSDA
        ObjectNode bsda = BsdaStates.initial("golden-bsda-1");
        events.add(BsdaStates.upserted(BsdaStates.sent(bsda, T.plusSeconds(1800)).deepCopy(), 2, T));
        events.add(BsdaStates.upserted(BsdaStates.processed(bsda, T.plusSeconds(9000), T.plusSeconds(90_000)), 3, T));
        // BSDASRI
        ObjectNode dasri = BsdasriStates.initial("golden-bsdasri-1", "SIMPLE");
        events.add(BsdasriStates.upserted(BsdasriStates.sent(dasri, T.plusSeconds(2400)).deepCopy(), 2, T));
        events.add(BsdasriStates.upserted(BsdasriStates.processed(
                BsdasriStates.received(dasri, "ACCEPTED", T.plusSeconds(10_000)), "D10", T.plusSeconds(20_000)), 4, T));
        // BSFF: two containers, one accepted and processed, one refused.
        ObjectNode bsff = BsffStates.sent(BsffStates.initial("golden-bsff-1"), T.plusSeconds(3000));
        events.add(BsffStates.upserted(bsff.deepCopy(), 2, T));
        BsffStates.received(bsff, T.plusSeconds(11_000));
        BsffStates.answered(bsff, 0, true, 12.5, T.plusSeconds(11_100), "ACCEPTED");
        if (bsff.path("packagings").size() > 1) {
            BsffStates.answered(bsff, 1, false, 0, T.plusSeconds(11_200), "PARTIALLY_REFUSED");
        }
        events.add(BsffStates.upserted(BsffStates.operated(bsff, 0, "R2", "REUTILISATION", T.plusSeconds(50_000),
                "PROCESSED"), 5, T));
        // BSPAOH
        ObjectNode paoh = BspaohStates.initial("golden-bspaoh-1");
        events.add(BspaohStates.upserted(BspaohStates.sent(paoh, T.plusSeconds(4000)).deepCopy(), 2, T));
        events.add(BspaohStates.upserted(BspaohStates.processed(BspaohStates.received(BspaohStates.delivered(paoh,
                T.plusSeconds(12_000)), "ACCEPTED", T.plusSeconds(12_500)), T.plusSeconds(60_000)), 5, T));
        // BSVHU
        ObjectNode vhu = BsvhuStates.initial("golden-bsvhu-1");
        events.add(BsvhuStates.upserted(BsvhuStates.sent(vhu, T.plusSeconds(4500)).deepCopy(), 2, T));
        events.add(BsvhuStates.upserted(BsvhuStates.processed(BsvhuStates.received(vhu, "ACCEPTED", T.plusSeconds(13_000)),
                T.plusSeconds(70_000)), 4, T));
        List<EventEnvelope> owned = new ArrayList<>();
        for (EventEnvelope event : events) {
            owned.add(new EventEnvelope(event.id(), event.type(), event.aggregateType(), event.aggregateId(), event.version(),
                    event.occurredAt(), event.schemaVersion(), ownSirets(event.payload())));
        }
        return owned;
    }

    private static JsonNode ownSirets(JsonNode payload) {
        String json = SIRET.matcher(payload.toString()).replaceAll("\"0$2\"");
        try {
            return EventCodec.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
