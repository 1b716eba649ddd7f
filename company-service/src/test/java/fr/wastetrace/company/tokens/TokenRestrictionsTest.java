package fr.wastetrace.company.tokens;

import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRestrictionsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 22, 0, 0, 0, ZoneOffset.UTC);
    private static final Set<String> MEMBER_OF = Set.of("91000000100008", "BE0123456789");

    private static CreateAccessTokenInput input(OffsetDateTime expiresAt, Boolean readOnly, List<String> orgIds) {
        CreateAccessTokenInput input = new CreateAccessTokenInput();
        input.description = "test";
        input.wastetraceExpiresAt = expiresAt;
        if (readOnly != null || orgIds != null) {
            input.wastetraceScope = new WastetraceAccessTokenScopeInput();
            input.wastetraceScope.readOnly = readOnly;
            input.wastetraceScope.orgIds = orgIds;
        }
        return input;
    }

    private static String refusal(CreateAccessTokenInput input) {
        return assertThrows(ApiException.BadUserInput.class, () -> TokenRestrictions.of(input, NOW, MEMBER_OF)).getMessage();
    }

    @Test
    void noRestrictionIsTodaysToken() {
        TokenRestrictions none = TokenRestrictions.of(input(null, null, null), NOW, MEMBER_OF);
        assertNull(none.expiresAt());
        assertFalse(none.readOnly());
        assertNull(none.orgIds());
    }

    @Test
    void anExpiryLiesBetweenNowAndAYear() {
        assertTrue(refusal(input(NOW, null, null)).startsWith("wastetraceExpiresAt"));
        assertTrue(refusal(input(NOW.minusDays(1), null, null)).startsWith("wastetraceExpiresAt"));
        assertTrue(refusal(input(NOW.plusDays(367), null, null)).startsWith("wastetraceExpiresAt"));
        assertEquals(NOW.plusDays(366), TokenRestrictions.of(input(NOW.plusDays(366), null, null), NOW, MEMBER_OF).expiresAt());
        assertEquals(NOW.plusSeconds(1), TokenRestrictions.of(input(NOW.plusSeconds(1), null, null), NOW, MEMBER_OF).expiresAt());
    }

    @Test
    void aScopeKeepsTheCallersCompaniesOnly() {
        TokenRestrictions scoped = TokenRestrictions.of(input(null, true, List.of("910 000 001 00008", "be0123456789")),
                NOW, MEMBER_OF);
        assertTrue(scoped.readOnly());
        assertEquals(List.of("91000000100008", "BE0123456789"), scoped.orgIds());
        assertTrue(refusal(input(null, null, List.of("91000000200006"))).contains("« 91000000200006 »"));
        assertTrue(refusal(input(null, null, List.of())).startsWith("wastetraceScope.orgIds"));
        assertNull(TokenRestrictions.of(input(null, true, null), NOW, MEMBER_OF).orgIds(), "read-only, every company");
    }
}
