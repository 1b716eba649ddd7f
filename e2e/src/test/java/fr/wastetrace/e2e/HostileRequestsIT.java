package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated campaign of hostile requests against the gateway (issue #21, item 8): deep nesting, huge lists, long
 * strings, unknown fields, injection attempts in filters, invalid UTF-8, giant variables, many aliases, circular and
 * exploding fragments, batched arrays, wrong content types, huge headers, broken JSON, odd methods and paths.
 * <p>
 * Reproducible: the requests come from a {@link Random} seeded by {@code -Dwastetrace.hostile.seed} (default 21), the
 * report prints the seed, and a failure names the case's index, category and the start of its body. Every answer must
 * be below 500 and free of stack traces, Java class names and SQL; at the end every service answers its
 * {@code /q/health}. The regression cases of what the campaign found run first, whatever the seed.
 */
class HostileRequestsIT {
    private static final int TOTAL = Integer.getInteger("wastetrace.hostile.count", 1000);
    private static final long SEED = Long.getLong("wastetrace.hostile.seed", 21L);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A stack frame, a Java (or Kotlin/Scala) class name, or the words of an exception. */
    private static final Pattern STACK = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(|\\t+at |Caused by:|"
            + "\\b(java|javax|jakarta|io|org|com|fr|sun|kotlin|scala)\\.[a-z_][\\w]*(\\.[\\w$]+)*\\.[A-Z][\\w$]+|"
            + "[A-Z][\\w]*(Exception|Error)\\b(?!s)|NullPointer|StackOverflow|OutOfMemory");
    /** SQL the servers wrote (statements, PostgreSQL's error words), once the request's own text is taken out. */
    private static final Pattern SQL = Pattern.compile("(?i)\\bselect\\b[^\"]{0,200}\\bfrom\\b|\\binsert\\s+into\\b|"
            + "\\bupdate\\b[^\"]{0,80}\\bset\\b|\\bdelete\\s+from\\b|syntax error at or near|SQLSTATE|"
            + "\\bjdbc\\b|hibernate|relation \"|column \"|\\bERROR:\\s");

    private static final String[] INJECTIONS = {
            "' OR '1'='1", "'; DROP TABLE form; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--", "%' OR 1=1 --",
            "') UNION SELECT table_name FROM information_schema.tables--", "\\'; SELECT version(); --", "$$; SELECT 1; $$",
            "' AND 1=(SELECT COUNT(*) FROM pg_user)--", "%", "_", "%%%%", "\\", "\\\\%", "'||(SELECT current_user)||'",
            "1' ORDER BY 100--", "admin'--", "*/ SELECT /*", "\u0000", "a\u0000b", "{\"$gt\": \"\"}", "${jndi:ldap://x/a}",
            "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "' ; COPY form TO '/tmp/x' --",
            "'::text", "E'\\x41'", "\u202e\u0000\ud800", "91000000100008' OR siret LIKE '%"};

    /** One request of the campaign. */
    private record Case(int index, String category, String method, String path, Map<String, String> headers,
                        byte[] body, List<String> echoes) {
        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + index + " [" + category + "] " + method + " " + path + " " + text.replaceAll("\\s+", " ");
        }
    }

    private Random random;
    private String token;
    private final List<String> payloadEchoes = new ArrayList<>();

    @Test
    void campaignGetsNoServerErrorNoLeakAndServicesStayUp() throws Exception {
        Map<String, String> env = Suite.env();
        String gateway = env.get("GATEWAY_URL");
        token = KeycloakTokens.passwordGrant("producteur@wastetrace.local", "Demo-Producteur-1");
        random = new Random(SEED);

        Map<String, BiFunction<HostileRequestsIT, Integer, Case>> categories = new LinkedHashMap<>();
        categories.put("deep-nesting", HostileRequestsIT::deepNesting);
        categories.put("huge-lists", HostileRequestsIT::hugeLists);
        categories.put("long-strings", HostileRequestsIT::longStrings);
        categories.put("unknown-fields", HostileRequestsIT::unknownFields);
        categories.put("injection", HostileRequestsIT::injection);
        categories.put("invalid-utf8", HostileRequestsIT::invalidUtf8);
        categories.put("giant-variables", HostileRequestsIT::giantVariables);
        categories.put("many-aliases", HostileRequestsIT::manyAliases);
        categories.put("fragments", HostileRequestsIT::fragments);
        categories.put("batched-arrays", HostileRequestsIT::batches);
        categories.put("content-types", HostileRequestsIT::contentTypes);
        categories.put("huge-headers", HostileRequestsIT::headers);
        categories.put("broken-json", HostileRequestsIT::brokenJson);
        categories.put("get-and-paths", HostileRequestsIT::getAndPaths);
        categories.put("directives-and-tokens", HostileRequestsIT::directivesAndTokens);

        List<Case> cases = new ArrayList<>(regressions());
        List<String> names = new ArrayList<>(categories.keySet());
        while (cases.size() < TOTAL) {
            String name = names.get(cases.size() % names.size());
            payloadEchoes.clear();
            Case generated = categories.get(name).apply(this, cases.size());
            cases.add(new Case(generated.index(), name, generated.method(), generated.path(), generated.headers(),
                    generated.body(), List.copyOf(payloadEchoes)));
        }

        Map<String, Map<String, Integer>> report = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        Map<String, Long> millis = new TreeMap<>();
        for (Case c : cases) {
            long caseStarted = System.nanoTime();
            String outcome = send(gateway, c, failures);
            report.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            millis.merge(c.category(), (System.nanoTime() - caseStarted) / 1_000_000L, Long::sum);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        StringBuilder text = new StringBuilder("hostile-request campaign: seed " + SEED + ", " + cases.size()
                + " requests in " + seconds + " s\n");
        report.forEach((category, outcomes) -> text.append(String.format("  %-24s %4d %6d ms  %s%n", category,
                outcomes.values().stream().mapToInt(Integer::intValue).sum(), millis.get(category), outcomes)));
        text.append("  failures: ").append(failures.size()).append('\n');
        failures.stream().limit(30).forEach(f -> text.append("   - ").append(f).append('\n'));
        System.out.println(text);

        List<String> down = new ArrayList<>();
        for (String service : List.of("GATEWAY_URL", "BSD_SERVICE_URL", "COMPANY_SERVICE_URL", "REGISTRY_SERVICE_URL",
                "WEBHOOK_SERVICE_URL")) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(env.get(service) + "/q/health"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                down.add(service + " " + health.statusCode() + " " + health.body());
            }
        }
        assertTrue(failures.isEmpty(), text.toString());
        assertEquals(List.of(), down, "services not healthy after the campaign");
        assertEquals(TOTAL, cases.size());
    }

    /**
     * Sends one case on a connection of its own, written byte for byte (no client library rewrites a hostile request,
     * and a connection the server closes after one answer cannot fail the next case); returns its outcome for the
     * report ("2xx", "4xx:<code>"…) and records what is wrong.
     */
    private static String send(String gateway, Case c, List<String> failures) {
        URI uri = URI.create(gateway);
        Answer answer;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + ":" + uri.getPort() + "\r\nConnection: close\r\n");
            c.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (c.body() != null) {
                head.append("Content-Length: ").append(c.body().length).append("\r\n");
            }
            request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (c.body() != null) {
                request.writeBytes(c.body());
            }
            try {
                socket.getOutputStream().write(request.toByteArray());
                socket.getOutputStream().flush();
            } catch (java.io.IOException refusedMidway) {
                // The server may answer (413, 431) and close before it has read everything: read that answer.
            }
            // ISO-8859-1 keeps one char per byte, so that chunk sizes (in bytes) can be followed; UTF-8 afterwards.
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            var statusLine = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(raw);
            if (!statusLine.find()) {
                failures.add(c.describe() + " → no HTTP answer: " + abbreviate(raw));
                return "no-answer";
            }
            int bodyStart = raw.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : raw.substring(bodyStart + 4);
            if (bodyStart > 0 && raw.substring(0, bodyStart).toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            answer = new Answer(Integer.parseInt(statusLine.group(1)),
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            failures.add(c.describe() + " → no answer: " + e);
            return "no-answer";
        }
        return check(c, answer, failures);
    }

    private record Answer(int status, String body) {
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return chunked;
            }
            if (size == 0) {
                break;
            }
            int end = Math.min(chunked.length(), lineEnd + 2 + size);
            body.append(chunked, lineEnd + 2, end);
            at = end + 2;
        }
        return body.toString();
    }

    private static String check(Case c, Answer answer, List<String> failures) {
        String body = answer.body();
        int status = answer.status();
        if (status >= 500) {
            failures.add(c.describe() + " → HTTP " + status + ": " + abbreviate(body));
        }
        String scrubbed = body;
        for (String echo : c.echoes()) {
            if (!echo.isEmpty()) {
                scrubbed = scrubbed.replace(echo, " ").replace(jsonEscaped(echo), " ");
            }
        }
        // The composed schema names types such as BsdaError: it is the public contract, not a leak.
        boolean schema = c.path().startsWith("/schema.graphql");
        if (!schema && STACK.matcher(scrubbed).find()) {
            failures.add(c.describe() + " → stack trace or class name: " + around(scrubbed, STACK));
        }
        if (SQL.matcher(scrubbed).find()) {
            failures.add(c.describe() + " → SQL: " + around(scrubbed, SQL));
        }
        if (body.contains("INTERNAL_SERVER_ERROR")) {
            failures.add(c.describe() + " → INTERNAL_SERVER_ERROR: " + abbreviate(body));
        }
        var code = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(body);
        return (status / 100) + "xx" + (code.find() ? ":" + code.group(1) : "");
    }

    private static String jsonEscaped(String text) {
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String around(String text, Pattern pattern) {
        var m = pattern.matcher(text);
        if (!m.find()) {
            return "";
        }
        return "…" + text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 80)) + "…";
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The generators. Each draws from the seeded random, so that a seed gives the same campaign.

    private Map<String, String> json(boolean authenticated) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (authenticated) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    private Case post(int index, String body, boolean authenticated) {
        return new Case(index, "", "POST", random.nextBoolean() ? "/" : "/graphql", json(authenticated),
                body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static String quote(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text).toString();
    }

    private static String gqlString(String text) {
        return quote(text); // a JSON string literal is a valid GraphQL string literal for these texts
    }

    private static String request(String query, String variables) {
        return "{\"query\":" + quote(query) + (variables == null ? "" : ",\"variables\":" + variables) + "}";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private String echo(String text) {
        payloadEchoes.add(text);
        return text;
    }

    Case deepNesting(Integer index) {
        int depth = pick("10", "50", "200", "1000", "5000", "20000").transform(Integer::parseInt);
        switch (random.nextInt(5)) {
            case 0 -> { // selections
                String query = "{ me " + "{ companies ".repeat(depth) + "{ id }" + " }".repeat(depth) + " }";
                return post(index, request(query, null), true);
            }
            case 1 -> { // a where literal nested in _and/_or
                String op = pick("_and", "_or");
                String where = ("{" + op + ": [").repeat(depth) + "{ id: { _eq: \"x\" } }" + "]}".repeat(depth);
                String field = pick("bsds", "bsvhus", "bsdas", "bsffs", "bsdasris", "bspaohs");
                return post(index, request("{ " + field + "(where: " + where + ") { totalCount } }", null), true);
            }
            case 2 -> { // the same through variables
                String op = pick("_and", "_or", "_not");
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    where.append(op.equals("_not") ? "{\"_not\":" : "{\"" + op + "\":[");
                }
                where.append("{\"id\":{\"_eq\":\"x\"}}");
                for (int i = 0; i < depth; i++) {
                    where.append(op.equals("_not") ? "}" : "]}");
                }
                String type = op.equals("_not") ? pick("Bsvhu", "Bsda", "Bsff") : pick("Bsd", "Bsvhu", "Bsda");
                String field = type.equals("Bsd") ? "bsds" : type.toLowerCase() + "s";
                return post(index, request("query Q($w: " + type + "Where) { " + field + "(where: $w) { totalCount } }",
                        where.toString()).replace("\"variables\":", "\"variables\":{\"w\":") + "}", true);
            }
            case 3 -> { // JSON arrays in a variable
                String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
                return post(index, request("query Q($x: [String!]) { __typename }", "{\"x\":" + nested + "}"), false);
            }
            default -> { // list literal nesting in an argument
                String nested = "[".repeat(depth) + "\"a\"" + "]".repeat(depth);
                return post(index, request("{ searchCompanies(clue: " + nested + ") { siret } }", null), true);
            }
        }
    }

    Case hugeLists(Integer index) {
        int size = pick("1000", "10000", "100000", "200000").transform(Integer::parseInt);
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? "" : ",").append("\"").append(91000000100008L + i).append("\"");
        }
        list.append("]");
        return switch (random.nextInt(5)) {
            case 0 -> post(index, request("query Q($s: [String!]) { bsds(where: { " + pick("isForActionFor", "isDraftFor",
                    "isArchivedFor", "isFollowFor") + ": $s }) { totalCount } }", "{\"s\":" + list + "}"), true);
            case 1 -> post(index, request("query Q($s: [String!]!) { incomingWastes(sirets: $s) { totalCount } }",
                    "{\"s\":" + list + "}"), true);
            case 2 -> post(index, request("query Q($s: [ID!]) { bsvhus(where: { id: { _in: $s } }) { totalCount } }",
                    "{\"s\":" + list + "}"), true);
            case 3 -> post(index, request("query Q($s: [String!]) { bsds(where: { readableId: { _in: $s } }) { totalCount } }",
                    "{\"s\":" + list + "}"), true);
            default -> post(index, request("{ forms(status: [" + String.join(",", java.util.Collections.nCopies(
                    Math.min(size, 30000), pick("SENT", "DRAFT", "PROCESSED"))) + "]) { id } }", null), true);
        };
    }

    Case longStrings(Integer index) {
        int length = pick("10000", "100000", "1000000", "3000000").transform(Integer::parseInt);
        String filler = pick("a", "é", "€", "🗑", "'", "\\\"").repeat(length / 2);
        String value = filler.length() > length ? filler.substring(0, length) : filler;
        return switch (random.nextInt(6)) {
            case 0 -> post(index, request("query Q($v: String) { bsds(where: { customId: { _eq: $v } }) { totalCount } }",
                    "{\"v\":" + quote(value) + "}"), true);
            case 1 -> post(index, request("query Q($v: String!) { searchCompanies(clue: $v) { siret } }",
                    "{\"v\":" + quote(value) + "}"), true);
            case 2 -> post(index, request("{ companyInfos(siret: " + gqlString(value) + ") { name } }", null), false);
            case 3 -> post(index, "{\"query\":\"query Q { __typename }\",\"operationName\":" + quote(value) + "}", false);
            case 4 -> post(index, request("{ " + "x".repeat(Math.min(length, 1_000_000)) + " }", null), false);
            default -> post(index, request("mutation { createForm(formInput: { customId: " + gqlString(value)
                    + " }) { id } }", null), true);
        };
    }

    Case unknownFields(Integer index) {
        return switch (random.nextInt(7)) {
            case 0 -> post(index, request("{ nope" + random.nextInt(1000) + " }", null), false);
            case 1 -> post(index, request("{ bsds(where: { unknown" + random.nextInt(100) + ": { _eq: \"x\" } }) { totalCount } }", null), true);
            case 2 -> post(index, request("{ bsvhus(nope: 1) { totalCount } }", null), true);
            case 3 -> post(index, request("query Q($w: BsdWhere) { bsds(where: $w) { totalCount } }",
                    "{\"w\":{\"id\":{\"_eq\":\"x\",\"_regex\":\".*\"},\"sqlWhere\":\"1=1\"}}"), true);
            case 4 -> post(index, "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,"
                    + "\"sha256Hash\":\"abc\"}},\"unknown\":[1,2,3],\"__proto__\":{\"admin\":true}}", false);
            case 5 -> post(index, request("{ me { id password passwordHash __typename } }", null), true);
            default -> post(index, request("query Q($a: Int) { __typename }", "{\"a\":1,\"b\":2,\"c\":{\"d\":[]}}"), false);
        };
    }

    Case injection(Integer index) {
        String sql = echo(INJECTIONS[random.nextInt(INJECTIONS.length)]);
        String v = "{\"v\":" + quote(sql) + "}";
        return switch (random.nextInt(14)) {
            case 0 -> post(index, request("query Q($v: String) { bsds(where: { customId: { _contains: $v } }) { totalCount } }", v), true);
            case 1 -> post(index, request("query Q($v: String) { bsds(where: { readableId: { _eq: $v } }) { totalCount } }", v), true);
            case 2 -> post(index, request("query Q($v: String) { bsds(where: { waste: { code: { _contains: $v } } }) { totalCount } }", v), true);
            case 3 -> post(index, request("query Q($v: String) { bsds(clue: $v) { totalCount } }", v), true);
            case 4 -> post(index, request("query Q($v: String) { bsds(where: { emitter: { company: { siret: { _eq: $v } } } }) { totalCount } }", v), true);
            case 5 -> post(index, request("query Q($v: String) { forms(siret: $v) { id } }", v), true);
            case 6 -> post(index, request("query Q($v: String) { forms(customId: $v, wasteCode: $v) { id } }", v), true);
            case 7 -> post(index, request("query Q($v: String) { forms(updatedAfter: $v) { id } }", v), true);
            case 8 -> post(index, request("query Q($v: ID) { bsvhus(where: { id: { _eq: $v } }) { totalCount } }", v), true);
            case 9 -> post(index, request("query Q($v: String!) { incomingWastes(sirets: [$v], where: { wasteCode: { _eq: $v } }) { totalCount } }", v), true);
            case 10 -> post(index, request("query Q($v: String!) { searchCompanies(clue: $v) { siret } }", v), true);
            case 11 -> post(index, request("query Q($v: String) { companyInfos(siret: $v) { name } }", v), false);
            case 12 -> post(index, request("query Q($v: String) { bsds(where: { companyOrgIds: { _has: $v } }) { totalCount } }", v), true);
            default -> post(index, request("query Q($v: String) { myCompanies(search: $v) { totalCount } }", v), true);
        };
    }

    Case invalidUtf8(Integer index) {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {0}};
        byte[] chosen = bad[random.nextInt(bad.length)];
        String[] templates = {"{\"query\":\"{ companyInfos(siret: \\\"9100@\\\") { name } }\"}",
                "{\"query\":\"query Q($v: String) { bsds(where: { customId: { _eq: $v } }) { totalCount } }\",\"variables\":{\"v\":\"a@b\"}}",
                "{\"query\":\"{ __type@name }\"}", "{\"query@\":\"{ __typename }\"}", "@{\"query\":\"{ __typename }\"}",
                "{\"query\":\"{ searchCompanies(clue: \\\"@\\\") { siret } }\"}"};
        String template = templates[random.nextInt(templates.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] raw = template.getBytes(StandardCharsets.UTF_8);
        for (byte b : raw) {
            if (b == '@') {
                out.writeBytes(chosen);
            } else {
                out.write(b);
            }
        }
        Map<String, String> headers = json(random.nextBoolean());
        if (random.nextBoolean()) {
            headers.put("Content-Type", "application/json; charset=" + pick("utf-8", "latin1", "utf-16", "nope"));
        }
        return new Case(index, "", "POST", "/", headers, out.toByteArray(), List.of());
    }

    Case giantVariables(Integer index) {
        return switch (random.nextInt(5)) {
            case 0 -> { // many keys
                int keys = pick("1000", "50000", "200000").transform(Integer::parseInt);
                StringBuilder vars = new StringBuilder("{");
                for (int i = 0; i < keys; i++) {
                    vars.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":").append(i);
                }
                yield post(index, request("query Q($v1: Int) { __typename }", vars.append("}").toString()), false);
            }
            case 1 -> { // one big value of the wrong type
                yield post(index, request("query Q($w: BsdWhere) { bsds(where: $w) { totalCount } }",
                        "{\"w\":" + quote("x".repeat(between(100_000, 4_000_000))) + "}"), true);
            }
            case 2 -> { // a big input object with an unknown field
                StringBuilder big = new StringBuilder("{\"w\":{\"customId\":{\"_eq\":\"a\"},\"x\":{");
                int keys = between(1000, 50000);
                for (int i = 0; i < keys; i++) {
                    big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(20)).append("\"");
                }
                yield post(index, request("query Q($w: BsdWhere) { bsds(where: $w) { totalCount } }", big + "}}}"), true);
            }
            case 3 -> post(index, request("query Q($v: Int) { __typename }", pick("[1,2,3]", "\"text\"", "42", "null",
                    "true", "{\"v\":1e999}", "{\"v\":99999999999999999999999999}", "{\"v\":-0.5}")), false);
            default -> { // a huge number of variables declared
                int count = pick("100", "2000", "20000").transform(Integer::parseInt);
                StringBuilder decl = new StringBuilder("query Q(");
                for (int i = 0; i < count; i++) {
                    decl.append("$v").append(i).append(": String ");
                }
                yield post(index, request(decl + ") { __typename }", "{}"), false);
            }
        };
    }

    Case manyAliases(Integer index) {
        int count = pick("100", "1000", "10000", "50000").transform(Integer::parseInt);
        StringBuilder selection = new StringBuilder();
        String leaf = pick("id", "name", "siret", "__typename");
        for (int i = 0; i < count; i++) {
            selection.append("a").append(i).append(": ").append(leaf.equals("name") || leaf.equals("siret") ? "id" : leaf).append(' ');
        }
        return switch (random.nextInt(4)) {
            case 0 -> post(index, request("{ me { " + selection + "} }", null), true);
            case 1 -> post(index, request("{ myCompanies { edges { node { " + selection.toString().replace(": id", ": siret")
                    + "} } } }", null), true);
            case 2 -> { // aliases at the root (max operations)
                StringBuilder root = new StringBuilder("{ ");
                for (int i = 0; i < Math.min(count, 2000); i++) {
                    root.append("c").append(i).append(": companyInfos(siret: \"91000000100008\") { name } ");
                }
                yield post(index, request(root + "}", null), false);
            }
            default -> { // aliases of a list field with arguments (one subgraph call each?)
                StringBuilder nested = new StringBuilder("{ me { ");
                for (int i = 0; i < Math.min(count, 5000); i++) {
                    nested.append("c").append(i).append(": companies { siret } ");
                }
                yield post(index, request(nested + "} }", null), true);
            }
        };
    }

    Case fragments(Integer index) {
        return switch (random.nextInt(5)) {
            case 0 -> post(index, request("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }", null), false);
            case 1 -> post(index, request("query { ...A } fragment A on Query { __typename ...A }", null), false);
            case 2 -> { // a long cycle
                int n = between(3, 500);
                StringBuilder doc = new StringBuilder("query { ...F0 } ");
                for (int i = 0; i < n; i++) {
                    doc.append("fragment F").append(i).append(" on Query { __typename ...F").append((i + 1) % n).append(" } ");
                }
                yield post(index, request(doc.toString(), null), false);
            }
            case 3 -> { // fragment bomb: each fragment spreads the previous one many times (exponential expansion)
                int levels = between(5, 40);
                int fan = between(2, 10);
                StringBuilder doc = new StringBuilder("query { me { ...F" + (levels - 1) + " } } fragment F0 on User { id } ");
                for (int i = 1; i < levels; i++) {
                    doc.append("fragment F").append(i).append(" on User { ");
                    for (int j = 0; j < fan; j++) {
                        doc.append("...F").append(i - 1).append(' ');
                    }
                    doc.append("} ");
                }
                yield post(index, request(doc.toString(), null), true);
            }
            default -> { // bomb through aliased fields (no dedup of different aliases)
                int levels = between(5, 30);
                StringBuilder doc = new StringBuilder("query { me { ...F" + (levels - 1) + " } } fragment F0 on User { id } ");
                for (int i = 1; i < levels; i++) {
                    doc.append("fragment F").append(i).append(" on User { a").append(i).append(": id ...F").append(i - 1)
                            .append(" b").append(i).append(": companies { id } ...F").append(i - 1).append(" } ");
                }
                yield post(index, request(doc.toString(), null), true);
            }
        };
    }

    Case batches(Integer index) {
        int size = pick("0", "1", "5", "6", "100", "10000").transform(Integer::parseInt);
        String item = pick("{\"query\":\"{ __typename }\"}", "{}", "1", "null", "[]", "\"q\"",
                "{\"query\":\"{ me { id } }\"}", "{\"query\":null}", "{\"query\":{\"a\":1}}", "[{\"query\":\"{ __typename }\"}]");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(item);
        }
        return post(index, body.append("]").toString(), random.nextBoolean());
    }

    Case contentTypes(Integer index) {
        String type = pick("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/graphql", "application/json; charset=iso-8859-1",
                "application/octet-stream", "", "*/*", "application/json;;;", "text/html", "application/json; boundary=\"\"");
        String body = pick("{\"query\":\"{ __typename }\"}", "query=%7B__typename%7D", "{ __typename }",
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
                "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{\"query\":\"{ __typename }\"}\r\n--x--\r\n",
                "--x\r\nContent-Disposition: form-data; name=\"0\"; filename=\"avis.pdf\"\r\n\r\n%PDF\u0000\u0000\r\n--x--\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        if (!type.isEmpty()) {
            headers.put("Content-Type", type);
        }
        if (random.nextBoolean()) {
            headers.put("Accept", pick("text/html", "application/xml", "*/*", "application/graphql-response+json", "x/y;q=abc"));
        }
        return new Case(index, "", "POST", pick("/", "/graphql"), headers, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    Case headers(Integer index) {
        Map<String, String> headers = json(false);
        int size = pick("1000", "7000", "20000", "100000").transform(Integer::parseInt);
        switch (random.nextInt(7)) {
            case 0 -> headers.put("Authorization", "Bearer " + "A".repeat(size));
            case 1 -> headers.put("X-Forwarded-For", String.join(",", java.util.Collections.nCopies(size / 10, "1.2.3.4")));
            case 2 -> {
                for (int i = 0; i < Math.min(size / 100, 500); i++) {
                    headers.put("X-Junk-" + i, "v".repeat(50));
                }
            }
            case 3 -> headers.put("Authorization", pick("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Bearer ' OR 1=1 --", "Token x", "bearer  x  y",
                    "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLy4uL2V0Yy9wYXNzd2QifQ.e30.e30"));
            case 4 -> headers.put("Cookie", "c=" + "x".repeat(size));
            case 5 -> headers.put("X-Forwarded-For", pick("not-an-ip", "999.999.999.999", "::::", "'; DROP TABLE x", ""));
            default -> headers.put("Accept-Language", "fr;q=" + "9".repeat(Math.min(size, 5000)));
        }
        return new Case(index, "", "POST", "/", headers,
                "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8), List.of());
    }

    Case brokenJson(Integer index) {
        String body = pick("", "{", "{\"query\":", "{\"query\":\"{ __typename }\"", "{\"query\":\"{ __typename }\"}garbage",
                "nul", "NaN", "{\"query\":NaN}", "{\"query\":\"\\uD800\"}", "{\"query\":\"\\u00\"}",
                "{\"query\":\"{ __typename }\",\"query\":\"{ me { id } }\"}", "{'query':'{ __typename }'}",
                "{\"query\":123}", "{\"query\":[\"{ __typename }\"]}", "{\"variables\":{}}", "{\"query\":\"\"}",
                "{\"query\":\"   \"}", "{\"query\":\"{ __typename }\",\"variables\":\"{\\\"a\\\":1}\"}",
                "{\"query\":\"{ __typename }\",\"variables\":\"not json\"}", "{\"query\":\"{ __typename }\",\"operationName\":5}",
                "{\"query\":\"query A { __typename } query B { __typename }\"}",
                "{\"query\":\"query A { __typename }\",\"operationName\":\"Z\"}", "\uFEFF{\"query\":\"{ __typename }\"}",
                "{\"query\":\"{ __typename }\"}\u0000", "{\"query\":\"{ __typename } #\"}", "[[[[[[", "]",
                "{\"query\":\"mutation { __typename }\",\"variables\":[]}", "{\"query\":\"subscription { forms { id } }\"}");
        return post(index, body, random.nextBoolean());
    }

    Case getAndPaths(Integer index) {
        String[] paths = {"/?query=" + pct("{ __typename }"), "/?query=%ZZ", "/?query=" + pct("mutation { __typename }"),
                "/graphql?query=" + pct("{ me { id } }") + "&variables=%7Bnot", "/?query=" + "%7B".repeat(5000),
                "/../../../etc/passwd", "/graphql/../../q/health", "/download?token=" + pct("' OR 1=1 --"),
                "/download?token=" + "x".repeat(5000), "/download", "/road-control/" + pct("' OR '1'='1"),
                "/road-control/%00", "/road-control/" + "a".repeat(3000), "/schema.graphql?x=%00", "/status?format=" + pct("<x>"),
                "/graphiql/" + pct("../../etc/passwd"), "/q/nope", "/%c0%ae%c0%ae/", "/?query=" + pct("{ __typename }")
                + "&operationName=" + "x".repeat(1000), "/?variables=%7B%7D"};
        String method = pick("GET", "GET", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", pick("application/json", "text/html", "*/*"));
        byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")
                ? null : "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
        return new Case(index, "", method, paths[random.nextInt(paths.length)], headers, body, List.of());
    }

    Case directivesAndTokens(Integer index) {
        int count = pick("100", "2000", "20000", "100000").transform(Integer::parseInt);
        return switch (random.nextInt(5)) {
            case 0 -> post(index, request("{ __typename " + "@include(if: true) ".repeat(count) + "}", null), false);
            case 1 -> post(index, request("{ " + "__typename ".repeat(count) + "}", null), false);
            case 2 -> post(index, request("{ me { id " + "@skip(if: false) @unknown ".repeat(Math.min(count, 5000)) + "} }", null), true);
            case 3 -> post(index, request("{ __schema { types { name fields { name type { name ofType { name ofType { name "
                    + "ofType { name ofType { name ofType { name } } } } } } } } }" + " ".repeat(Math.min(count, 10000)), null), false);
            default -> post(index, request("query Q(" + "$a: String = \"x\" ".repeat(Math.min(count, 3000))
                    + ") { __typename }", null), false);
        };
    }

    /** The findings of the campaign, each one kept as a fixed case (see the commits that fixed them). */
    private List<Case> regressions() {
        List<Case> cases = new ArrayList<>();
        // 1. A fragment bomb (4^27 fields once expanded) held a gateway worker in the depth check for hours: now
        //    refused at once by the expanded-fields limit. The per-request timeout of this campaign (30 s) catches it.
        StringBuilder bomb = new StringBuilder("query { me { ...F27 } } fragment F0 on User { id } ");
        for (int level = 1; level < 28; level++) {
            bomb.append("fragment F").append(level).append(" on User {")
                    .append((" ...F" + (level - 1)).repeat(4)).append(" } ");
        }
        cases.add(regression(cases.size(), "bomb", request(bomb.toString(), null)));
        // 2. U+0000 in a filter reached PostgreSQL through bsd-service, which answered INTERNAL_SERVER_ERROR.
        cases.add(regression(cases.size(), "nul-variable", request(
                "query Q($v: String) { forms(customId: $v, wasteCode: $v) { id } }", "{\"v\":\"a\\u0000b\"}")));
        cases.add(regression(cases.size(), "nul-variable", request(
                "query Q($v: String) { bsds(where: { companyOrgIds: { _has: $v } }) { totalCount } }", "{\"v\":\"\\u0000\"}")));
        cases.add(regression(cases.size(), "nul-literal", request(
                "{ bsds(where: { readableId: { _eq: \"\\u0000\" } }) { totalCount } }", null)));
        return cases;
    }

    private Case regression(int index, String finding, String body) {
        return new Case(index, "regression:" + finding, "POST", "/", json(true), body.getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    private static String pct(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
