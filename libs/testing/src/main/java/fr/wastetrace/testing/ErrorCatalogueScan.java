package fr.wastetrace.testing;

import fr.wastetrace.identity.ErrorMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the French messages of errors a module's main sources write, so that a unit test of the module fails when
 * its English catalogue ({@link ErrorMessages#CATALOGUE}) lacks one. A message is the argument of one of the given
 * calls (an {@code ApiException} constructor, the gateway's error builders...): the first argument holding a string
 * literal, read as a template where every part that is not a literal is a {@code {}} (a top-level {@code a ? "x" : "y"}
 * gives both texts). An argument without any literal (a message built elsewhere) is not a template: it is counted in
 * {@link Result#unreadable()}.
 */
public final class ErrorCatalogueScan {
    /** The constructors of the subgraphs' {@code ApiException}s that take a message. */
    public static final String API_EXCEPTIONS =
            "new\\s+(?:ApiException\\.)?(?:BadUserInput|Forbidden|Unauthenticated|TooManyRequests)\\s*\\(";

    private static final Pattern CODE = Pattern.compile("\"[A-Z_]+\"");

    /** The templates found, and the calls whose message could not be read as one (file:line). */
    public record Result(Set<String> templates, List<String> unreadable) {
        /** The templates the catalogue does not cover. */
        public List<String> missingFrom(Map<String, String> catalogue) {
            ErrorMessages messages = new ErrorMessages(catalogue);
            return templates.stream().filter(t -> !messages.covers(t)).toList();
        }
    }

    private ErrorCatalogueScan() {
    }

    /** The catalogue of a module: its own resource file (main sources' resources). */
    public static Map<String, String> catalogue(Path moduleRoot) {
        Path file = moduleRoot.resolve("src/main/resources").resolve(ErrorMessages.CATALOGUE);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ErrorMessages.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans every {@code .java} file under {@code sourceRoot} for the calls matching {@code callRegex}. */
    public static Result scan(Path sourceRoot, String callRegex) {
        Pattern call = Pattern.compile(callRegex);
        Set<String> templates = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = call.matcher(source);
                while (matcher.find()) {
                    if (inComment(source, matcher.start())) {
                        continue;
                    }
                    List<String> found = templatesOf(arguments(source, matcher.end()));
                    if (found.isEmpty()) {
                        unreadable.add(sourceRoot.relativize(file) + ":" + line(source, matcher.start()));
                    }
                    templates.addAll(found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(templates, unreadable);
    }

    /**
     * The templates of the first argument that holds a string literal other than an error code (upper case and
     * underscores only, such as {@code "BAD_USER_INPUT"}); empty when none does.
     */
    static List<String> templatesOf(List<String> arguments) {
        for (String argument : arguments) {
            if (argument.contains("\"") && !CODE.matcher(argument.trim()).matches()) {
                List<String> templates = new ArrayList<>();
                for (String branch : branches(argument.trim())) {
                    String template = template(branch);
                    if (!template.replace(ErrorMessages.PLACEHOLDER, "").isBlank()) {
                        templates.add(template);
                    }
                }
                return templates;
            }
        }
        return List.of();
    }

    /** {@code c ? "x" : "y"} at the top level: both branches; anything else: itself. */
    private static List<String> branches(String expression) {
        List<String> question = split(expression, '?');
        if (question.size() == 2) {
            List<String> colon = split(question.get(1), ':');
            if (colon.size() == 2) {
                List<String> out = new ArrayList<>(branches(colon.get(0).trim()));
                out.addAll(branches(colon.get(1).trim()));
                return out;
            }
        }
        return List.of(expression);
    }

    /** A concatenation as a template: its literals as they are, everything else a placeholder. */
    private static String template(String expression) {
        StringBuilder out = new StringBuilder();
        for (String operand : split(expression, '+')) {
            String trimmed = operand.trim();
            String literal = literal(trimmed);
            if (literal != null) {
                out.append(literal);
            } else if (!out.toString().endsWith(ErrorMessages.PLACEHOLDER)) {
                out.append(ErrorMessages.PLACEHOLDER);
            }
        }
        return out.toString();
    }

    /** The text of an operand that is one string literal, or of {@code "...".formatted(...)}; null otherwise. */
    private static String literal(String operand) {
        if (operand.startsWith("(") && operand.endsWith(")") && split(operand.substring(1, operand.length() - 1), '+').size() == 1
                && closing(operand, 0) == operand.length() - 1) {
            return literal(operand.substring(1, operand.length() - 1).trim());
        }
        if (!operand.startsWith("\"")) {
            return null;
        }
        int end = stringEnd(operand, 0);
        String text = unescape(operand.substring(1, end));
        String rest = operand.substring(end + 1).trim();
        if (rest.isEmpty()) {
            return text;
        }
        if (rest.startsWith(".formatted(")) {
            return text.replaceAll("%[-0-9.]*[sdf]", ErrorMessages.PLACEHOLDER);
        }
        return null;
    }

    /** The arguments of the call whose opening parenthesis is just before {@code from}. */
    static List<String> arguments(String source, int from) {
        int end = closing(source, from - 1);
        return split(source.substring(from, end), ',');
    }

    /** The index of the parenthesis closing the one at {@code open}. */
    private static int closing(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = c == '"' ? stringEnd(source, i) : charEnd(source, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return source.length();
    }

    /** {@code text} split at {@code separator} where it is outside literals and brackets. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = c == '"' ? stringEnd(text, i) : charEnd(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0 && !(separator == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':')
                    && !(separator == ':' && i > 0 && text.charAt(i - 1) == ':')) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The index of the quote closing the string literal (or text block) opened at {@code open}. */
    private static int stringEnd(String text, int open) {
        if (text.startsWith("\"\"\"", open)) {
            int end = text.indexOf("\"\"\"", open + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        return literalEnd(text, open, '"');
    }

    private static int charEnd(String text, int open) {
        return literalEnd(text, open, '\'');
    }

    /** The index of the {@code quote} closing the literal opened at {@code open}, escapes skipped. */
    private static int literalEnd(String text, int open, char quote) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length()) {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static boolean inComment(String source, int at) {
        int lineStart = source.lastIndexOf('\n', at) + 1;
        String before = source.substring(lineStart, at).trim();
        return before.startsWith("//") || before.startsWith("*") || before.startsWith("/*");
    }

    private static int line(String source, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
