package fr.wastetrace.registry.query;

import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaginationTest {

    @Test
    void defaultsToFiftyForward() {
        assertEquals(new Pagination(50, false, null), Pagination.of(null, null, null, null));
        assertEquals(new Pagination(10, false, "BSD-1"), Pagination.of(10, "BSD-1", null, null));
    }

    @Test
    void lastAndBeforeGoBackward() {
        assertEquals(new Pagination(5, true, "BSD-9"), Pagination.of(null, null, 5, "BSD-9"));
        assertEquals(new Pagination(50, true, "BSD-9"), Pagination.of(null, null, null, "BSD-9"));
    }

    @Test
    void refusesSizesOutsideOneToAHundredAndMixedDirections() {
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(101, null, null, null));
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(0, null, null, null));
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(null, null, -1, null));
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(10, null, 10, null));
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(10, null, null, "BSD-1"));
        assertThrows(ApiException.BadUserInput.class, () -> Pagination.of(null, "BSD-1", 10, null));
    }
}
