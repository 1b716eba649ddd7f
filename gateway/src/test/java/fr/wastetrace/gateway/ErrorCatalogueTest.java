package fr.wastetrace.gateway;

import fr.wastetrace.testing.CatalogueCoverage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every French error message of this module has its English entry (see fr.wastetrace.identity.ErrorMessages). */
class ErrorCatalogueTest {

    @Test
    void everyErrorMessageHasItsEnglishEntry() {
        assertEquals(List.of(), CatalogueCoverage.problems(Path.of(""), "GraphQLErrors\\.(?:response|error)\\(|new\\s+RemoteError\\(|new\\s+Mistake\\(|\\.validationErrorType\\([A-Z_]+\\)\\s*\\.description\\(|reply\\(ctx,\\s*\\d+,|problems\\.add\\("));
    }
}
