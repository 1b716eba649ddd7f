package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormEcoOrganisme;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.GroupingFraction;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.bsd.company.CompanyView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the advanced flows (temporary storage, grouping) that need no database. */
class AdvancedFlowsRulesTest {

    private static FormCompany company(String siret) {
        FormCompany c = new FormCompany();
        c.siret = siret;
        c.orgId = siret;
        return c;
    }

    private static BsddRecord tempStorageForm(FormStatus status) {
        BsddRecord form = new BsddRecord();
        form.setStatus(status);
        form.data.recipient = new Recipient();
        form.data.recipient.company = company("70000000000005");
        form.data.recipient.isTempStorage = true;
        form.data.temporaryStorageDetail = new TemporaryStorageDetail();
        form.data.temporaryStorageDetail.destination = new Destination();
        form.data.temporaryStorageDetail.destination.company = company("30000000000020");
        return form;
    }

    @Test
    void theFinalDestinationReceivesAndTheTempStorerProcessesOnlyInAdvance() {
        assertEquals("30000000000020", TemporaryStorageService.signingDestination(tempStorageForm(FormStatus.SENT), false));
        assertEquals("30000000000020", TemporaryStorageService.signingDestination(tempStorageForm(FormStatus.ACCEPTED), true));
        assertEquals("70000000000005",
                TemporaryStorageService.signingDestination(tempStorageForm(FormStatus.TEMP_STORER_ACCEPTED), true));
        BsddRecord direct = tempStorageForm(FormStatus.SENT);
        direct.data.recipient.isTempStorage = false;
        assertEquals("70000000000005", TemporaryStorageService.signingDestination(direct, false));
    }

    @Test
    void theSuiteOrgsAreOnTheForm() {
        BsddRecord form = tempStorageForm(FormStatus.RESEALED);
        assertTrue(BsddPermissions.contributors(form.data, List.of()).contains("30000000000020"));
    }

    @Test
    void anticipatedProcessingMovesTheTempStorersReceptionAndDropsTheSuite() {
        BsddData d = tempStorageForm(FormStatus.TEMP_STORER_ACCEPTED).data;
        TemporaryStorer storer = new TemporaryStorer();
        storer.receivedBy = "Tristan";
        storer.receivedAt = Instant.parse("2026-11-27T10:00:00Z");
        storer.quantityReceived = 1.0;
        storer.quantityType = QuantityType.REAL;
        d.temporaryStorageDetail.temporaryStorer = storer;
        TemporaryStorageService.dropSuiteForAnticipatedProcessing(d);
        assertNull(d.temporaryStorageDetail);
        assertFalse(d.recipient.isTempStorage);
        assertEquals("Tristan", d.receivedBy);
        assertEquals(1.0, d.quantityReceived);
    }

    @Test
    void theSuiteNeedsItsWholeFinalDestination() {
        BsddData d = tempStorageForm(FormStatus.TEMP_STORER_ACCEPTED).data;
        d.temporaryStorageDetail.wasteDetails = new WasteDetails();
        List<String> messages = BsddValidation.suite(d, Map.of()).messages();
        for (String field : List.of("temporaryStorageDetail.destination.company.name",
                "temporaryStorageDetail.destination.processingOperation", "temporaryStorageDetail.wasteDetails.quantity",
                "temporaryStorageDetail.destination.company.siret")) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(field)), field + " in " + messages);
        }
    }

    @Test
    void anAppendix2FormNeedsGroupedFormsAndAContainerNoQuantity() {
        BsddData appendix2 = new BsddData();
        appendix2.emitter = new Emitter();
        appendix2.emitter.type = EmitterType.APPENDIX2;
        assertTrue(BsddValidation.sealed(appendix2, List.of(), Map.of()).messages().stream()
                .anyMatch(m -> m.contains("(grouping)")));
        appendix2.groupingFractions = List.of(new GroupingFraction("f1", "BSD-1", 0.4));
        assertFalse(BsddValidation.sealed(appendix2, List.of(), Map.of()).messages().stream()
                .anyMatch(m -> m.contains("(grouping)")));

        BsddData container = new BsddData();
        container.emitter = new Emitter();
        container.emitter.type = EmitterType.APPENDIX1;
        container.wasteDetails = new WasteDetails();
        container.wasteDetails.code = "06 05 02*";
        List<String> messages = BsddValidation.sealed(container, List.of(), Map.of()).messages();
        assertFalse(messages.stream().anyMatch(m -> m.contains("(wasteDetails.quantity)")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("tournée dédiée")), messages.toString());
    }

    @Test
    void dedicatedRoundsCollectTheirOwnWasteCodes() {
        assertTrue(BsddReferenceData.isAppendix1WasteCode("13 05 02*"));
        assertTrue(BsddReferenceData.isAppendix1WasteCode("16 06 01*"));
        assertFalse(BsddReferenceData.isAppendix1WasteCode("06 05 02*"));
        assertFalse(BsddReferenceData.isAppendix1WasteCode("20 01 01"));
    }

    @Test
    void quantitiesAreComparedToSixDecimals() {
        assertEquals(0.6, GroupingService.round(1 - 0.4));
        assertEquals(0.333333, GroupingService.round(1.0 / 3));
    }

    private static final String PRODUCER = "10000000000040";
    private static final String TRANSPORTER = "20000000000030";

    private static BsddData appendix1Item(boolean withEcoOrganisme) {
        BsddData item = new BsddData();
        item.emitter = new Emitter();
        item.emitter.type = EmitterType.APPENDIX1_PRODUCER;
        item.emitter.company = company(PRODUCER);
        if (withEcoOrganisme) {
            item.ecoOrganisme = new FormEcoOrganisme();
            item.ecoOrganisme.name = "Éco-organisme";
            item.ecoOrganisme.siret = "40000000000010";
        }
        return item;
    }

    private static CompanyView producer(List<String> types, boolean allowAutomation, List<String> automationTo) {
        return new CompanyView("company-p", PRODUCER, PRODUCER, null, "Producteur", null, types, false, 1234, null,
                null, null, allowAutomation, automationTo, null, null);
    }

    @Test
    void anEcoOrganismeOnTheItemLetsTheTransporterSkipAProducerThatIsNeitherProcessorNorCollector() {
        assertTrue(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(true), null, TRANSPORTER));
        assertTrue(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(true),
                producer(List.of("PRODUCER"), false, List.of()), TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(true),
                producer(List.of("PRODUCER", "COLLECTOR"), false, List.of()), TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(true),
                producer(List.of("WASTEPROCESSOR"), false, List.of()), TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false), null, TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false),
                producer(List.of("PRODUCER"), false, List.of()), TRANSPORTER));
    }

    @Test
    void anAutomationNeedsTheProducersConsentAndNamesTheTransporter() {
        assertTrue(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false),
                producer(List.of("COLLECTOR"), true, List.of(TRANSPORTER)), TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false),
                producer(List.of("PRODUCER"), true, List.of(TRANSPORTER)), "71000000000004"));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false),
                producer(List.of("PRODUCER"), false, List.of(TRANSPORTER)), TRANSPORTER));
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(appendix1Item(false),
                producer(List.of("PRODUCER"), true, List.of()), TRANSPORTER));
    }

    @Test
    void onlyAppendix1ItemsWithAProducerMaySkipItsSignature() {
        BsddData ordinary = appendix1Item(true);
        ordinary.emitter.type = EmitterType.PRODUCER;
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(ordinary,
                producer(List.of("PRODUCER"), true, List.of(TRANSPORTER)), TRANSPORTER));
        BsddData anonymous = appendix1Item(true);
        anonymous.emitter.company = null;
        assertFalse(BsddSigning.appendix1ProducerSignatureSkippable(anonymous, null, TRANSPORTER));
    }
}
