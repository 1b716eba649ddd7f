package fr.wastetrace.gateway.federation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyArgumentsTest {
    @Test
    void renamesRegisterTypeOnRegistryFiles() {
        String normalised = LegacyArguments.normalise(
                "query($s: [String!]!) { wastesRegistryCsv(registerType: INCOMING, sirets: $s) { downloadLink } }");
        assertTrue(normalised.contains("registryType: INCOMING"), normalised);
        assertFalse(normalised.contains("registerType"), normalised);
    }

    @Test
    void leavesOtherFieldsAndCurrentSpellingAlone() {
        String other = "{ somethingElse(registerType: INCOMING) }";
        assertSame(other, LegacyArguments.normalise(other));
        String current = "{ wastesRegistryXls(registryType: ALL, sirets: []) { downloadLink } }";
        assertSame(current, LegacyArguments.normalise(current));
        String both = "{ wastesRegistryXls(registryType: ALL, registerType: ALL, sirets: []) { downloadLink } }";
        assertSame(both, LegacyArguments.normalise(both), "both spellings: validation reports the unknown one");
    }

    @Test
    void leavesInvalidDocumentsToValidation() {
        assertEquals("{ wastesRegistryCsv(registerType: ", LegacyArguments.normalise("{ wastesRegistryCsv(registerType: "));
    }
}
