package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormEcoOrganisme;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestDestination;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestRecipient;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestTemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestTemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestWasteDetails;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.NextDestination;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Trader;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of revision requests and what a revision changes on a BSDD, without Quarkus. */
class RevisionRulesTest {
    private static final String P = "10000000000040";
    private static final String D = "30000000000020";
    private static final String EO = "40000000000010";
    private static final String T1 = "20000000000030";

    private static FormCompany company(String siret) {
        FormCompany c = new FormCompany();
        c.siret = siret;
        c.orgId = siret;
        return c;
    }

    /** A BSDD from P to D, received and processed (D 10, ELIMINATION), 1 t accepted. */
    private static BsddData processed() {
        BsddData f = new BsddData();
        f.emitter = new Emitter();
        f.emitter.type = EmitterType.PRODUCER;
        f.emitter.company = company(P);
        f.recipient = new Recipient();
        f.recipient.company = company(D);
        f.recipient.cap = "CAP-1";
        f.wasteDetails = new WasteDetails();
        f.wasteDetails.code = "06 05 02*";
        f.wasteDetails.isDangerous = true;
        f.receivedAt = Instant.parse("2026-11-27T10:00:00Z");
        f.wasteAcceptationStatus = WasteAcceptationStatus.ACCEPTED;
        f.quantityReceived = 1.0;
        f.quantityRefused = 0.0;
        f.processingOperationDone = "D 10";
        f.destinationOperationMode = OperationMode.ELIMINATION;
        f.processingOperationDescription = "Incinération à terre";
        return f;
    }

    private static Transporter road(String siret) {
        Transporter t = new Transporter();
        t.company = company(siret);
        t.mode = TransportMode.ROAD;
        return t;
    }

    private static FormRevisionRequestContent content() {
        return new FormRevisionRequestContent();
    }

    private static FormRevisionRequestContent cancellation() {
        FormRevisionRequestContent c = content();
        c.isCanceled = true;
        return c;
    }

    private static FormRevisionRequestContent wasteName(String name) {
        FormRevisionRequestContent c = content();
        c.wasteDetails = new FormRevisionRequestWasteDetails();
        c.wasteDetails.name = name;
        return c;
    }

    private static void check(FormStatus status, BsddData f, List<Transporter> transporters, FormRevisionRequestContent c) {
        RevisionRules.checkContent(status, f, transporters, c);
    }

    private static <T extends ApiException> void fails(Class<T> type, String fragment, Executable executable) {
        T error = assertThrows(type, executable);
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }

    // ---- who asks, who approves

    @Test
    void theEmitterTheDestinationAndTheEcoOrganismeMayAsk() {
        BsddData f = processed();
        f.ecoOrganisme = new FormEcoOrganisme();
        f.ecoOrganisme.siret = EO;
        assertEquals(Set.of(P, D, EO), RevisionRules.possibleAuthors(f, List.of(road(T1))));
    }

    @Test
    void transportersMayAskOnlyForAnAppendix1ItemTheyPickedUp() {
        BsddData item = processed();
        item.emitter.type = EmitterType.APPENDIX1_PRODUCER;
        assertEquals(Set.of(P, D), RevisionRules.possibleAuthors(item, List.of(road(T1))));
        item.takenOverAt = Instant.parse("2026-11-27T08:00:00Z");
        assertEquals(Set.of(P, D, T1), RevisionRules.possibleAuthors(item, List.of(road(T1))));
    }

    @Test
    void theOtherPartiesApproveNeverTheAuthor() {
        BsddData f = processed();
        assertEquals(List.of(D), RevisionRules.approvers(f, P, null));
        assertEquals(List.of(P), RevisionRules.approvers(f, D, null));
    }

    @Test
    void emitterAndEcoOrganismeBothApproveUnlessOneOfThemAsks() {
        BsddData f = processed();
        f.ecoOrganisme = new FormEcoOrganisme();
        f.ecoOrganisme.siret = EO;
        assertEquals(List.of(P, EO), RevisionRules.approvers(f, D, null));
        assertEquals(List.of(D), RevisionRules.approvers(f, EO, null));
        assertEquals(List.of(D), RevisionRules.approvers(f, P, null));
        assertEquals(Optional.of(EO), RevisionRules.producerPartner(f, P));
        assertEquals(Optional.of(P), RevisionRules.producerPartner(f, EO));
        assertEquals(Optional.empty(), RevisionRules.producerPartner(f, D));
    }

    @Test
    void anAppendix1ItemIsApprovedByTheTransporterHoldingTheWaste() {
        BsddData item = processed();
        item.emitter.type = EmitterType.APPENDIX1_PRODUCER;
        item.currentTransporterSiret = T1;
        assertEquals(List.of(T1), RevisionRules.approvers(item, P, null));
        assertEquals(List.of(P), RevisionRules.approvers(item, T1, null));
    }

    @Test
    void onlyASignedBsddThatWasNeitherRefusedNorCancelledCanBeRevised() {
        assertTrue(RevisionRules.revisionRefusal(FormStatus.DRAFT).orElseThrow().contains("updateForm"));
        assertTrue(RevisionRules.revisionRefusal(FormStatus.SEALED).orElseThrow().contains("updateForm"));
        assertTrue(RevisionRules.revisionRefusal(FormStatus.REFUSED).orElseThrow().contains("refusé"));
        assertTrue(RevisionRules.revisionRefusal(FormStatus.CANCELED).orElseThrow().contains("annulé"));
        for (FormStatus status : List.of(FormStatus.SIGNED_BY_PRODUCER, FormStatus.SENT, FormStatus.ACCEPTED,
                FormStatus.PROCESSED, FormStatus.AWAITING_GROUP, FormStatus.NO_TRACEABILITY)) {
            assertTrue(RevisionRules.revisionRefusal(status).isEmpty(), status.name());
        }
    }

    // ---- what a revision may change

    @Test
    void aRevisionChangesSomething() {
        fails(ApiException.BadUserInput.class, "ne change rien", () -> check(FormStatus.PROCESSED, processed(), List.of(), content()));
        FormRevisionRequestContent emptyWaste = content();
        emptyWaste.wasteDetails = new FormRevisionRequestWasteDetails();
        fails(ApiException.BadUserInput.class, "ne change rien", () -> check(FormStatus.PROCESSED, processed(), List.of(), emptyWaste));
    }

    @Test
    void aRevisionCancelsOrModifiesNeverBoth() {
        FormRevisionRequestContent both = wasteName("x");
        both.isCanceled = true;
        fails(ApiException.BadUserInput.class, "wasteDetails.name", () -> check(FormStatus.SENT, processed(), List.of(), both));
    }

    @Test
    void cancellationOnlyBeforeReceptionAndNeverForDedicatedRounds() {
        check(FormStatus.SENT, processed(), List.of(), cancellation());
        check(FormStatus.SIGNED_BY_PRODUCER, processed(), List.of(), cancellation());
        for (FormStatus late : List.of(FormStatus.RECEIVED, FormStatus.ACCEPTED, FormStatus.PROCESSED)) {
            fails(ApiException.Forbidden.class, "réceptionné", () -> check(late, processed(), List.of(), cancellation()));
        }
        for (EmitterType round : List.of(EmitterType.APPENDIX1, EmitterType.APPENDIX1_PRODUCER)) {
            BsddData f = processed();
            f.emitter.type = round;
            fails(ApiException.Forbidden.class, "annexe 1", () -> check(FormStatus.SENT, f, List.of(), cancellation()));
        }
    }

    @Test
    void temporaryStorageFieldsNeedATemporaryStorage() {
        FormRevisionRequestContent c = content();
        c.temporaryStorageDetail = new FormRevisionRequestTemporaryStorageDetail();
        c.temporaryStorageDetail.destination = new FormRevisionRequestDestination();
        c.temporaryStorageDetail.destination.cap = "CAP-2";
        fails(ApiException.BadUserInput.class, "entreposage provisoire", () -> check(FormStatus.PROCESSED, processed(), List.of(), c));
    }

    @Test
    void receivedQuantitiesOnlyOnceReceivedAndAtMost40TonnesBySingleRoadTransporter() {
        BsddData sent = processed();
        sent.receivedAt = null;
        FormRevisionRequestContent c = content();
        c.quantityReceived = 0.9;
        fails(ApiException.Forbidden.class, "pas encore été réceptionné", () -> check(FormStatus.SENT, sent, List.of(), c));
        c.quantityReceived = 45.0;
        fails(ApiException.Forbidden.class, "40 tonnes", () -> check(FormStatus.PROCESSED, processed(), List.of(road(T1)), c));
        Transporter rail = road(T1);
        rail.mode = TransportMode.RAIL;
        check(FormStatus.PROCESSED, processed(), List.of(rail), c);
        check(FormStatus.PROCESSED, processed(), List.of(road(T1), rail), c);
    }

    @Test
    void onlyAnAppendix1ItemRevisesItsQuantityOrSampleNumberAndNothingElse() {
        FormRevisionRequestContent quantity = content();
        quantity.wasteDetails = new FormRevisionRequestWasteDetails();
        quantity.wasteDetails.quantity = 2.0;
        fails(ApiException.BadUserInput.class, "wasteDetails.quantity", () -> check(FormStatus.PROCESSED, processed(), List.of(), quantity));
        BsddData item = processed();
        item.emitter.type = EmitterType.APPENDIX1_PRODUCER;
        check(FormStatus.SENT, item, List.of(), quantity);
        fails(ApiException.BadUserInput.class, "wasteDetails.name", () -> check(FormStatus.SENT, item, List.of(), wasteName("x")));
        FormRevisionRequestContent sample = content();
        sample.wasteDetails = new FormRevisionRequestWasteDetails();
        sample.wasteDetails.sampleNumber = "E-12";
        fails(ApiException.Forbidden.class, "échantillon", () -> check(FormStatus.SENT, item, List.of(), sample));
        item.wasteDetails.code = "13 02 05*";
        check(FormStatus.SENT, item, List.of(), sample);
    }

    @Test
    void anAppendix1ContainerKeepsAnAppendix1WasteCode() {
        BsddData container = processed();
        container.emitter.type = EmitterType.APPENDIX1;
        FormRevisionRequestContent c = content();
        c.wasteDetails = new FormRevisionRequestWasteDetails();
        c.wasteDetails.code = "06 05 02*";
        fails(ApiException.Forbidden.class, "annexe 1", () -> check(FormStatus.SENT, container, List.of(), c));
        c.wasteDetails.code = "13 05 02*";
        check(FormStatus.SENT, container, List.of(), c);
        assertTrue(RevisionRules.isAppendix1WasteCode("13 01 12*"));
        assertFalse(RevisionRules.isAppendix1WasteCode("13 05 99"));
    }

    // ---- the revised values

    @Test
    void theModeMustSuitTheRevisedOperation() {
        FormRevisionRequestContent r1 = content();
        r1.processingOperationDone = "R 1";
        List<String> messages = RevisionRules.values(processed(), r1).messages();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("ELIMINATION n'est pas compatible avec l'opération R 1"), messages.get(0));
        r1.destinationOperationMode = OperationMode.VALORISATION_ENERGETIQUE;
        assertTrue(RevisionRules.values(processed(), r1).isEmpty());
        FormRevisionRequestContent r13 = content();
        r13.processingOperationDone = "R 13";
        assertTrue(RevisionRules.values(processed(), r13).isEmpty(), "the kept mode is dropped, R 13 has none");
        r13.destinationOperationMode = OperationMode.RECYCLAGE;
        assertFalse(RevisionRules.values(processed(), r13).isEmpty(), "R 13 takes no mode");
        FormRevisionRequestContent unknown = content();
        unknown.processingOperationDone = "D 6";
        assertFalse(RevisionRules.values(processed(), unknown).isEmpty());
    }

    @Test
    void revisedQuantitiesStayCoherentWithTheAcceptance() {
        FormRevisionRequestContent refused = content();
        refused.quantityRefused = 0.5;
        assertFalse(RevisionRules.values(processed(), refused).isEmpty(), "a fully accepted waste has nothing refused");
        BsddData partial = processed();
        partial.wasteAcceptationStatus = WasteAcceptationStatus.PARTIALLY_REFUSED;
        partial.quantityRefused = 0.2;
        assertTrue(RevisionRules.values(partial, refused).isEmpty());
        FormRevisionRequestContent tooMuch = content();
        tooMuch.quantityRefused = 1.5;
        assertFalse(RevisionRules.values(partial, tooMuch).isEmpty());
        FormRevisionRequestContent negative = content();
        negative.quantityReceived = -1.0;
        assertFalse(RevisionRules.values(processed(), negative).isEmpty());
    }

    // ---- applying a revision

    @Test
    void revisedFieldsAreListedByPathWithTraderAndBrokerWhole() {
        FormRevisionRequestContent c = wasteName("Boues de forage");
        c.trader = new Trader();
        c.trader.company = company("70000000000070");
        c.quantityReceived = 0.9;
        assertEquals(Set.of("wasteDetails.name", "trader", "quantityReceived"), RevisionContents.revisedFields(c));
        assertEquals(Set.of(), RevisionContents.revisedFields(cancellation()));
    }

    @Test
    void aGroupingOperationDropsTheModeAndAFinalOneEndsTheTraceabilityBreak() {
        BsddData f = processed();
        FormRevisionRequestContent r13 = content();
        r13.processingOperationDone = "R13";
        r13.quantityReceived = 0.9;
        RevisionContents.applyTo(f, r13);
        assertEquals("R 13", f.processingOperationDone);
        assertNull(f.destinationOperationMode);
        assertEquals(0.9, f.quantityReceived);
        assertNotEquals("Incinération à terre", f.processingOperationDescription, "the new code's label");

        f.noTraceability = true;
        f.nextDestination = new NextDestination();
        FormRevisionRequestContent d10 = content();
        d10.processingOperationDone = "D 10";
        d10.destinationOperationMode = OperationMode.ELIMINATION;
        d10.processingOperationDescription = "Incinération";
        RevisionContents.applyTo(f, d10);
        assertEquals(OperationMode.ELIMINATION, f.destinationOperationMode);
        assertEquals("Incinération", f.processingOperationDescription);
        assertEquals(Boolean.FALSE, f.noTraceability);
        assertNull(f.nextDestination);
    }

    @Test
    void aNewWasteCodeLetsTheCorrectionsRecomputeDangerousness() {
        BsddData f = processed();
        FormRevisionRequestContent c = content();
        c.wasteDetails = new FormRevisionRequestWasteDetails();
        c.wasteDetails.code = "06 05 03";
        c.recipient = new FormRevisionRequestRecipient();
        c.recipient.cap = "CAP-2";
        RevisionContents.applyTo(f, c);
        assertEquals("06 05 03", f.wasteDetails.code);
        assertNull(f.wasteDetails.isDangerous);
        assertEquals("CAP-2", f.recipient.cap);
    }

    @Test
    void theRequestShowsTheRevisedFieldsAsTheyWereAndTheRestAsItIs() {
        BsddData initial = processed();
        BsddData current = processed();
        FormRevisionRequestContent c = content();
        c.processingOperationDone = "R 13";
        c.quantityReceived = 0.9;
        RevisionContents.applyTo(current, c);
        current.processedBy = "Denis";
        BsddData shown = RevisionContents.asRequested(current, initial);
        assertEquals("D 10", shown.processingOperationDone);
        assertEquals(OperationMode.ELIMINATION, shown.destinationOperationMode);
        assertEquals(1.0, shown.quantityReceived);
        assertEquals("Denis", shown.processedBy);
        assertEquals("R 13", current.processingOperationDone, "the current document is left alone");
    }

    private static final String TTR = "70000000000005";

    /** A BSDD from P to the temporary storer TTR, then to D; TTR received and accepted 1 t, the suite sends 1 t. */
    private static BsddData tempStored() {
        BsddData f = processed();
        f.receivedAt = null;
        f.wasteAcceptationStatus = null;
        f.quantityReceived = null;
        f.quantityRefused = null;
        f.processingOperationDone = null;
        f.destinationOperationMode = null;
        f.recipient.company = company(TTR);
        f.recipient.isTempStorage = true;
        f.temporaryStorageDetail = new TemporaryStorageDetail();
        f.temporaryStorageDetail.destination = new Destination();
        f.temporaryStorageDetail.destination.company = company(D);
        f.temporaryStorageDetail.destination.cap = "CAP-D-1";
        f.temporaryStorageDetail.destination.processingOperation = "D 10";
        TemporaryStorer storer = new TemporaryStorer();
        storer.receivedAt = Instant.parse("2026-11-27T09:00:00Z");
        storer.wasteAcceptationStatus = WasteAcceptationStatus.ACCEPTED;
        storer.quantityReceived = 1.0;
        storer.quantityRefused = 0.0;
        storer.quantityAccepted = 1.0;
        f.temporaryStorageDetail.temporaryStorer = storer;
        f.temporaryStorageDetail.wasteDetails = new WasteDetails();
        f.temporaryStorageDetail.wasteDetails.quantity = 1.0;
        return f;
    }

    private static FormRevisionRequestContent storerReceived(double quantity) {
        FormRevisionRequestContent c = content();
        c.temporaryStorageDetail = new FormRevisionRequestTemporaryStorageDetail();
        c.temporaryStorageDetail.temporaryStorer = new FormRevisionRequestTemporaryStorer();
        c.temporaryStorageDetail.temporaryStorer.quantityReceived = quantity;
        return c;
    }

    @Test
    void theFinalDestinationAfterATemporaryStorageMayAskAndApprovesChangesToTheStorage() {
        BsddData f = tempStored();
        assertEquals(Set.of(P, TTR, D), RevisionRules.possibleAuthors(f, List.of()));
        assertEquals(List.of(P, D), RevisionRules.approvers(f, TTR, storerReceived(0.9)));
        FormRevisionRequestContent cap = content();
        cap.recipient = new FormRevisionRequestRecipient();
        cap.recipient.cap = "CAP-2";
        assertEquals(List.of(P), RevisionRules.approvers(f, TTR, cap), "a change outside the storage: not D");
        assertEquals(List.of(TTR), RevisionRules.approvers(f, P, null));
        assertEquals(List.of(P, TTR), RevisionRules.approvers(f, D, storerReceived(0.9)));
    }

    @Test
    void theStorersQuantitiesOnlyOnceItReceivedTheWaste() {
        BsddData f = tempStored();
        check(FormStatus.TEMP_STORER_ACCEPTED, f, List.of(), storerReceived(0.9));
        f.temporaryStorageDetail.temporaryStorer.receivedAt = null;
        fails(ApiException.Forbidden.class, "entreposage provisoire",
                () -> check(FormStatus.SENT, f, List.of(), storerReceived(0.9)));
        FormRevisionRequestContent destination = content();
        destination.temporaryStorageDetail = new FormRevisionRequestTemporaryStorageDetail();
        destination.temporaryStorageDetail.destination = new FormRevisionRequestDestination();
        destination.temporaryStorageDetail.destination.cap = "CAP-D-2";
        check(FormStatus.SENT, f, List.of(), destination);
    }

    @Test
    void revisedStorageValuesAreChecked() {
        BsddData f = tempStored();
        FormRevisionRequestContent c = storerReceived(0.9);
        c.temporaryStorageDetail.temporaryStorer.quantityRefused = 0.2;
        c.temporaryStorageDetail.destination = new FormRevisionRequestDestination();
        c.temporaryStorageDetail.destination.processingOperation = "X 99";
        List<String> problems = RevisionRules.values(f, c).messages();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("X 99"), problems.toString());
        assertTrue(problems.get(1).contains("accepté en totalité"), problems.toString());
        assertTrue(RevisionRules.values(f, storerReceived(0.9)).messages().isEmpty());
    }

    @Test
    void aStorageRevisionChangesTheStorersQuantitiesTheSuitesQuantityAndTheFinalDestination() {
        BsddData initial = tempStored();
        BsddData f = tempStored();
        FormRevisionRequestContent c = storerReceived(0.9);
        c.temporaryStorageDetail.destination = new FormRevisionRequestDestination();
        c.temporaryStorageDetail.destination.cap = "CAP-D-2";
        c.temporaryStorageDetail.destination.processingOperation = "R 1";
        RevisionContents.applyTo(f, c);
        assertEquals(0.9, f.temporaryStorageDetail.temporaryStorer.quantityReceived);
        assertEquals(0.9, f.temporaryStorageDetail.temporaryStorer.quantityAccepted);
        assertEquals(0.9, f.temporaryStorageDetail.wasteDetails.quantity);
        assertEquals("CAP-D-2", f.temporaryStorageDetail.destination.cap);
        assertEquals("R 1", f.temporaryStorageDetail.destination.processingOperation);
        assertEquals(D, f.temporaryStorageDetail.destination.company.siret);
        assertNull(f.quantityReceived, "the final destination's reception is left alone");
        BsddData shown = RevisionContents.asRequested(f, initial);
        assertEquals(1.0, shown.temporaryStorageDetail.temporaryStorer.quantityReceived);
        assertEquals("CAP-D-1", shown.temporaryStorageDetail.destination.cap);
        assertEquals("D 10", shown.temporaryStorageDetail.destination.processingOperation);
    }
}
