package fr.wastetrace.bsd.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonDiffTest {

    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void resendingTheSameValuesIsNoChange() throws Exception {
        JsonNode form = json("{'wasteDetails': {'code': '06 05 02*', 'quantity': 1}, 'customId': null}");
        assertEquals(Set.of(), JsonDiff.changedPaths(form, form.deepCopy()));
    }

    @Test
    void reportsChangedLeavesNestedObjectsAndListItems() throws Exception {
        JsonNode before = json("{'wasteDetails': {'code': '06 05 02*', 'quantity': 1}, 'transporters': [{'id': 'a', 'numberPlate': 'X'}]}");
        JsonNode after = json("{'wasteDetails': {'code': '06 05 03', 'quantity': 1}, 'transporters': [{'id': 'a', 'numberPlate': 'Y'}]}");
        assertEquals(Set.of("wasteDetails.code", "transporters[0].numberPlate"), JsonDiff.changedPaths(before, after));
    }

    @Test
    void aListThatChangesLengthIsReportedAsAWhole() throws Exception {
        JsonNode before = json("{'transporters': [{'id': 'a'}]}");
        JsonNode after = json("{'transporters': [{'id': 'a'}, {'id': 'b'}]}");
        assertEquals(Set.of("transporters"), JsonDiff.changedPaths(before, after));
    }

    @Test
    void fillingAnEmptyObjectReportsTheFieldsSet() throws Exception {
        JsonNode before = json("{'trader': null}");
        JsonNode after = json("{'trader': {'company': {'siret': '1', 'name': null}}}");
        assertEquals(Set.of("trader.company.siret"), JsonDiff.changedPaths(before, after));
    }
}
