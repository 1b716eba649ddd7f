package fr.wastetrace.testing;

import fr.wastetrace.identity.ErrorMessages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a module's catalogue-coverage unit test asserts: every French message its main sources write in the scanned
 * calls has an English entry, and every entry keeps the variable parts of its French text.
 */
public final class CatalogueCoverage {
    private CatalogueCoverage() {
    }

    /** The problems of the module run from {@code moduleRoot} (the working directory of its tests): empty when none. */
    public static List<String> problems(Path moduleRoot, String callRegex) {
        Map<String, String> catalogue = ErrorCatalogueScan.catalogue(moduleRoot);
        List<String> problems = new ArrayList<>();
        ErrorCatalogueScan.Result scan = ErrorCatalogueScan.scan(moduleRoot.resolve("src/main/java"), callRegex);
        if (scan.templates().isEmpty()) {
            problems.add("no error message found in src/main/java: the scan does not match this module's calls");
        }
        for (String missing : scan.missingFrom(catalogue)) {
            problems.add("no English entry in src/main/resources/" + ErrorMessages.CATALOGUE + " for: fr: " + missing);
        }
        catalogue.forEach((french, english) -> {
            if (count(french) != count(english)) {
                problems.add("the English text does not have the variable parts ({}) of its French text: " + french);
            }
        });
        return problems;
    }

    private static int count(String template) {
        return template.split(Pattern.quote(ErrorMessages.PLACEHOLDER), -1).length - 1;
    }
}
