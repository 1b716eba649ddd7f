package fr.wastetrace.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of the API's error messages and their error ids, shared by the gateway and every subgraph.
 * <p>
 * French is the source text, written in the code. Each module ships an English catalogue, the resource
 * {@value #CATALOGUE} (every module's file is read: they add up), made of pairs of lines:
 * <pre>
 * fr: Le champ « {} » est obligatoire.
 * en: The field “{}” is required.
 * </pre>
 * {@code {}} stands for a variable part of the message (a value, a field's name...), taken from the French message
 * and put, in the same order, where the English text has its {@code {}}. Blank lines and lines starting with
 * {@code #} are ignored. A message with no entry is answered in French.
 */
public final class ErrorMessages {
    /** Every module's English catalogue has this name. */
    public static final String CATALOGUE = "wastetrace-errors-en.txt";
    /** What the gateway sends the subgraphs: the language it negotiated with the client ({@code fr} or {@code en}). */
    public static final String LANGUAGE_HEADER = "Accept-Language";
    /** The client's operation name, forwarded by the gateway so that a subgraph logs it with its errors. */
    public static final String OPERATION_HEADER = "X-Wastetrace-Operation";
    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";
    public static final String PLACEHOLDER = "{}";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern QUALITY = Pattern.compile("^\\s*q\\s*=\\s*([0-9.]+)\\s*$");

    private static volatile ErrorMessages loaded;

    /** French template → its English template and the pattern that recognises a French message made from it. */
    private final Map<String, Entry> entries;
    /** Templates without variable parts, by exact text (most messages). */
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Entry> patterns = new ArrayList<>();

    private record Entry(String french, String english, Pattern pattern) {
    }

    /** The messages of one catalogue (French template → English template). */
    public ErrorMessages(Map<String, String> catalogue) {
        this.entries = new LinkedHashMap<>();
        catalogue.forEach((french, english) -> {
            Entry entry = new Entry(french, english, pattern(french));
            entries.put(french, entry);
            if (french.contains(PLACEHOLDER)) {
                patterns.add(entry);
            } else {
                exact.put(french, english);
            }
        });
        // The most specific template first: the one with the most fixed text.
        patterns.sort((a, b) -> Integer.compare(fixedLength(b.french()), fixedLength(a.french())));
    }

    /** The catalogues of every module on the class path, read once. */
    public static ErrorMessages english() {
        ErrorMessages messages = loaded;
        if (messages == null) {
            synchronized (ErrorMessages.class) {
                if (loaded == null) {
                    loaded = new ErrorMessages(load(Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader() : ErrorMessages.class.getClassLoader()));
                }
                messages = loaded;
            }
        }
        return messages;
    }

    /** Every entry of the catalogues {@code loader} sees. */
    public static Map<String, String> load(ClassLoader loader) {
        Map<String, String> catalogue = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(CATALOGUE);
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    catalogue.putAll(parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the error catalogues " + CATALOGUE, e);
        }
        return catalogue;
    }

    /** The pairs of one catalogue file; a {@code fr:} line without its {@code en:} line is an error. */
    public static Map<String, String> parse(InputStream in) throws IOException {
        Map<String, String> catalogue = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String french = null;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("fr: ") && french == null) {
                french = line.substring(4);
            } else if (line.startsWith("en: ") && french != null) {
                catalogue.put(french, line.substring(4));
                french = null;
            } else {
                throw new IOException(CATALOGUE + " line " + number + ": expected " + (french == null ? "fr: " : "en: "));
            }
        }
        if (french != null) {
            throw new IOException(CATALOGUE + ": the last fr: line has no en: line");
        }
        return catalogue;
    }

    /** Whether a French template of the catalogue recognises {@code french} (a message or a template). */
    public boolean covers(String french) {
        return exact.containsKey(french) || entries.containsKey(french) || translate(french) != null;
    }

    /**
     * {@code message} in {@code language}: the English entry that recognises it, else the message as it is. A message
     * of several lines (a validation error lists every problem, one per line) is translated line by line, so that a
     * catalogue's entry is always one line.
     */
    public String in(String language, String message) {
        if (!ENGLISH.equals(language) || message == null) {
            return message;
        }
        if (message.indexOf('\n') < 0) {
            String english = translate(message);
            return english == null ? message : english;
        }
        StringJoiner lines = new StringJoiner("\n");
        for (String line : message.split("\n", -1)) {
            String translated = translate(line);
            lines.add(translated == null ? line : translated);
        }
        return lines.toString();
    }

    private String translate(String french) {
        String english = exact.get(french);
        if (english != null) {
            return english;
        }
        for (Entry entry : patterns) {
            Matcher matcher = entry.pattern().matcher(french);
            if (matcher.matches()) {
                StringBuilder out = new StringBuilder();
                String template = entry.english();
                int group = 1;
                int from = 0;
                for (int at = template.indexOf(PLACEHOLDER); at >= 0; at = template.indexOf(PLACEHOLDER, from)) {
                    out.append(template, from, at);
                    out.append(group <= matcher.groupCount() ? matcher.group(group++) : "");
                    from = at + PLACEHOLDER.length();
                }
                return out.append(template.substring(from)).toString();
            }
        }
        return null;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder("^");
        int from = 0;
        for (int at = template.indexOf(PLACEHOLDER); at >= 0; at = template.indexOf(PLACEHOLDER, from)) {
            regex.append(Pattern.quote(template.substring(from, at))).append("(.*?)");
            from = at + PLACEHOLDER.length();
        }
        // A variable part never spans lines: a message of several lines is translated line by line.
        return Pattern.compile(regex.append(Pattern.quote(template.substring(from))).append('$').toString());
    }

    private static int fixedLength(String template) {
        return template.replace(PLACEHOLDER, "").length();
    }

    /**
     * The language of the answer for an {@code Accept-Language} header: {@code en} when English is preferred to French
     * (by q-value, then by order), {@code fr} otherwise (no header, unknown languages, French first).
     */
    public static String negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FRENCH;
        }
        double french = -1;
        double english = -1;
        int frenchAt = Integer.MAX_VALUE;
        int englishAt = Integer.MAX_VALUE;
        String[] ranges = acceptLanguage.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int p = 1; p < parts.length; p++) {
                Matcher q = QUALITY.matcher(parts[p]);
                if (q.matches()) {
                    try {
                        quality = Double.parseDouble(q.group(1));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            if (primary.equals(ENGLISH) && quality > english) {
                english = quality;
                englishAt = Math.min(englishAt, i);
            } else if (primary.equals(FRENCH) && quality > french) {
                french = quality;
                frenchAt = Math.min(frenchAt, i);
            } else if (primary.equals("*") && quality > french) {
                // Any language: French, the source, suits.
                french = quality;
                frenchAt = Math.min(frenchAt, i);
            }
        }
        if (english <= 0) {
            return FRENCH;
        }
        return english > french || (english == french && englishAt < frenchAt) ? ENGLISH : FRENCH;
    }

    /**
     * The log line of an error, the same in every service: its id first (what a client quotes), then the code, the
     * request's operation, the caller's subject ({@code anonymous}), the trace id, the path and the French message.
     */
    public static String logLine(String errorId, String code, String operation, String caller, String trace, Object path,
                                 String message) {
        return String.format("error %s: code=%s operation=%s caller=%s trace=%s path=%s message=%s", errorId, code,
                operation == null ? "-" : operation, caller == null ? "anonymous" : caller, trace == null ? "-" : trace,
                path == null ? "-" : path, message);
    }

    /** A new error id: 12 characters of a lower-case base32 alphabet (60 random bits), short enough to be quoted. */
    public static String newErrorId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
