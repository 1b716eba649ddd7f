package fr.wastetrace.bsd.core.permission;

import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core's draft visibility and deletion rules, the same for every type. */
class VisibilityAndDeletionTest {
    private static final List<String> ON_IT = List.of("EMITTER", "TRANSPORTER", "DESTINATION");

    private static CallerCompanies member(String orgId, UserRole role) {
        return new CallerCompanies("u", "u@x.fr", Map.of(orgId, role));
    }

    private static BsdRecord<Object> record(boolean draft, Set<String> draftAccess) {
        BsdRecord<Object> r = new BsdRecord<>();
        r.id = "X-1";
        r.isDraft = draft;
        r.draftAccessOrgIds = new java.util.LinkedHashSet<>(draftAccess);
        return r;
    }

    @Test
    void aPublishedBsdIsSeenByTheCompaniesOnIt() {
        BsdRecord<Object> published = record(false, Set.of("EMITTER"));
        assertTrue(Visibility.canRead(member("DESTINATION", UserRole.READER), published, ON_IT));
        assertFalse(Visibility.canRead(member("OTHER", UserRole.ADMIN), published, ON_IT));
        ApiException e = assertThrows(ApiException.Forbidden.class,
                () -> Visibility.checkCanRead(member("OTHER", UserRole.ADMIN), published, ON_IT));
        assertEquals("Vous n'êtes pas autorisé à accéder à ce bordereau", e.getMessage());
    }

    @Test
    void aDraftIsSeenOnlyByTheCreatorsCompaniesOnIt() {
        BsdRecord<Object> draft = record(true, Set.of("EMITTER"));
        assertTrue(Visibility.canRead(member("EMITTER", UserRole.MEMBER), draft, ON_IT));
        assertFalse(Visibility.canRead(member("DESTINATION", UserRole.MEMBER), draft, ON_IT));
        CallerCompanies creator = new CallerCompanies("u", null, Map.of("EMITTER", UserRole.MEMBER,
                "ELSEWHERE", UserRole.MEMBER));
        assertEquals(Set.of("EMITTER"), Visibility.draftAccess(creator, ON_IT));
    }

    @Test
    void anUnknownIdIsABadInputWithTheReferenceMessage() {
        assertEquals("Le bordereau avec l'identifiant \"VHU-1\" n'existe pas.", Visibility.notFound("VHU-1").getMessage());
        assertTrue(Visibility.notFound("VHU-1") instanceof ApiException.BadUserInput);
    }

    @Test
    void beforeAnySignatureAnyCompanyOnItDeletesThenOnlyTheFirstSignerThenNobody() {
        assertEquals(Set.copyOf(ON_IT), Deletion.allowedOrgIds(0, ON_IT, "EMITTER"));
        assertEquals(Set.of("EMITTER"), Deletion.allowedOrgIds(1, ON_IT, "EMITTER"));
        assertEquals(Set.of(), Deletion.allowedOrgIds(2, ON_IT, "EMITTER"));
        assertEquals(Deletion.NOT_ALLOWED, Deletion.refusal(0));
        assertEquals(Deletion.ONLY_BEFORE_PICKUP, Deletion.refusal(2));
    }

    @Test
    void theListingConditionUsesOnlyCompaniesTheCallerMayReadThrough() {
        var filter = Visibility.listableBy(member("EMITTER", UserRole.MEMBER));
        assertTrue(filter.sql().contains("draft_access_org_ids"));
        assertDoesNotThrow(() -> filter.params().get(0));
        assertEquals(List.of("EMITTER"), List.copyOf(((fr.wastetrace.bsd.core.persistence.SqlFilter.TextArray)
                filter.params().get(0)).values()));
    }
}
