package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every (status, event) pair of the BSDD lifecycle, allowed or not, under every kind of facts: the expectations below
 * are spec bsdd.md §2.2 written out independently of {@link BsddLifecycle}. A pair that is not listed must be refused.
 */
class BsddLifecycleTest {

    /** Named fact sets the guards distinguish. */
    private static final Map<String, BsddFacts> SCENARIOS = new LinkedHashMap<>();

    static {
        BsddFacts none = BsddFacts.none();
        SCENARIOS.put("plain", none);
        SCENARIOS.put("accepted", none.withAcceptation(WasteAcceptationStatus.ACCEPTED));
        SCENARIOS.put("partial", none.withAcceptation(WasteAcceptationStatus.PARTIALLY_REFUSED));
        SCENARIOS.put("refused", none.withAcceptation(WasteAcceptationStatus.REFUSED));
        SCENARIOS.put("directSupply", none.withDirectSupply(true));
        SCENARIOS.put("autoSign", none.withEmitterSigningAutomatically(true));
        SCENARIOS.put("skippable", none.withEmissionSignatureSkippable(true));
        SCENARIOS.put("noTraceability", none.withOperation(true, true, false));
        SCENARIOS.put("grouping", none.withOperation(false, true, false));
        SCENARIOS.put("groupingForeign", none.withOperation(false, true, true));
        SCENARIOS.put("groupingItem", none.withOperation(false, true, false).withAppendix1Item(true));
        SCENARIOS.put("transportersLeft", none.withTransportersLeftToSign(1));
    }

    /** "FROM EVENT" → scenario → expected status ("*" = every other scenario). */
    private static final Map<String, Map<String, String>> EXPECTED = new HashMap<>();

    private static void expect(String froms, String event, String... outcomes) {
        Map<String, String> byScenario = new HashMap<>();
        for (String outcome : outcomes) {
            String[] parts = outcome.split("=");
            byScenario.put(parts[0], parts[1]);
        }
        for (String from : froms.split(",")) {
            EXPECTED.put(from + " " + event, byScenario);
        }
    }

    static {
        expect("DRAFT", "SEAL", "*=SEALED");
        expect("SEALED", "AUTO_SIGN_EMISSION", "autoSign=SIGNED_BY_PRODUCER");
        expect("SEALED", "SIGN_EMISSION", "directSupply=SENT", "*=SIGNED_BY_PRODUCER");
        expect("RESEALED", "SIGN_EMISSION", "*=SIGNED_BY_TEMP_STORER");
        expect("SEALED", "SIGN_TRANSPORT", "skippable=SENT");
        expect("SIGNED_BY_PRODUCER", "SIGN_TRANSPORT", "*=SENT");
        expect("SENT", "SIGN_TRANSPORT", "transportersLeft=SENT");
        expect("SIGNED_BY_TEMP_STORER", "SIGN_TRANSPORT", "*=RESENT");
        expect("SEALED,SIGNED_BY_PRODUCER", "SIGN_BY_TRANSPORTER", "*=SENT");
        expect("RESEALED", "SIGN_BY_TRANSPORTER", "*=RESENT");
        expect("SEALED", "CONTAINER_ITEM_TAKEN_OVER", "*=SENT");
        expect("SENT,RESENT", "RECEIVE", "refused=REFUSED", "accepted=ACCEPTED", "partial=ACCEPTED", "*=RECEIVED");
        expect("SENT", "TEMP_STORE", "refused=REFUSED", "accepted=TEMP_STORER_ACCEPTED",
                "partial=TEMP_STORER_ACCEPTED", "*=TEMP_STORED");
        expect("RECEIVED", "ACCEPT", "refused=REFUSED", "*=ACCEPTED");
        expect("TEMP_STORED", "ACCEPT_AT_TEMP_STORAGE", "refused=REFUSED", "*=TEMP_STORER_ACCEPTED");
        expect("TEMP_STORER_ACCEPTED,ACCEPTED,RESEALED", "RESEAL", "*=RESEALED");
        expect("TEMP_STORER_ACCEPTED,RESEALED", "RESEND", "*=RESENT");
        expect("ACCEPTED,TEMP_STORER_ACCEPTED", "PROCESS", "noTraceability=NO_TRACEABILITY",
                "groupingForeign=FOLLOWED_WITH_PNTTD", "grouping=AWAITING_GROUP", "*=PROCESSED");
        expect("SEALED", "IMPORT_PAPER", "noTraceability=NO_TRACEABILITY", "grouping=AWAITING_GROUP", "*=PROCESSED");
        expect("AWAITING_GROUP", "GROUP", "*=GROUPED");
        expect("GROUPED", "UNGROUP", "*=AWAITING_GROUP");
        expect("AWAITING_GROUP,GROUPED", "GROUPED_PROCESSED", "*=PROCESSED");
        expect("SIGNED_BY_PRODUCER,SENT,TEMP_STORED,TEMP_STORER_ACCEPTED,RESEALED,SIGNED_BY_TEMP_STORER,RESENT",
                "CANCEL", "*=CANCELED");
        expect("PROCESSED,AWAITING_GROUP", "REVISE_OPERATION", "grouping=AWAITING_GROUP",
                "groupingForeign=AWAITING_GROUP", "noTraceability=AWAITING_GROUP", "*=PROCESSED");
        expect("NO_TRACEABILITY", "REVISE_OPERATION", "grouping=NO_TRACEABILITY", "groupingForeign=NO_TRACEABILITY",
                "noTraceability=NO_TRACEABILITY", "*=PROCESSED");
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(FormStatus.values())
                .flatMap(status -> Stream.of(BsddEvent.values()).map(event -> Arguments.of(status, event)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyPair")
    void transitionMatchesTheSpecification(FormStatus from, BsddEvent event) {
        Map<String, String> expected = EXPECTED.getOrDefault(from + " " + event, Map.of());
        SCENARIOS.forEach((scenario, facts) -> {
            String outcome = expected.getOrDefault(scenario, expected.get("*"));
            Optional<FormStatus> want = Optional.ofNullable(outcome).map(FormStatus::valueOf);
            assertEquals(want, BsddLifecycle.next(from, event, facts), from + " × " + event + " with " + scenario);
        });
    }
}
