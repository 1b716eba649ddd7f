package fr.wastetrace.webhook.bsd;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.wastetrace.webhook.bsd.ChangeDecision.Action.CREATED;
import static fr.wastetrace.webhook.bsd.ChangeDecision.Action.DELETED;
import static fr.wastetrace.webhook.bsd.ChangeDecision.Action.UPDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeDecisionTest {
    @Test
    void aNewBsdIsCreatedForItsCompanies() {
        assertEquals(Map.of("A", CREATED, "B", CREATED),
                ChangeDecision.decide(Optional.empty(), Set.of("A", "B"), false, true));
    }

    @Test
    void aBsdFirstSeenAfterItsCreationIsUpdated() {
        assertEquals(Map.of("A", UPDATED), ChangeDecision.decide(Optional.empty(), Set.of("A"), false, false));
    }

    @Test
    void aChangeIsUpdatedForTheCompaniesOnItAddedAndRemoved() {
        assertEquals(Map.of("A", UPDATED, "B", UPDATED, "C", UPDATED),
                ChangeDecision.decide(Optional.of(Set.of("A", "B")), Set.of("A", "C"), false, false));
    }

    @Test
    void aDeletionIsDeletedForTheCompaniesOfBothStates() {
        assertEquals(Map.of("A", DELETED, "B", DELETED),
                ChangeDecision.decide(Optional.of(Set.of("A")), Set.of("A", "B"), true, false));
        assertEquals(Map.of("A", DELETED), ChangeDecision.decide(Optional.empty(), Set.of("A"), true, false));
    }

    @Test
    void aBsdWithoutCompaniesConcernsNobody() {
        assertEquals(Map.of(), ChangeDecision.decide(Optional.empty(), Set.of(), false, true));
    }
}
