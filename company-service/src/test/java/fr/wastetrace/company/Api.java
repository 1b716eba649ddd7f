package fr.wastetrace.company;

import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.TestIdentity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Calls company-service's GraphQL endpoint as the gateway would, for a given user. */
public final class Api {
    private Api() {
    }

    /** A user known to the identity provider; their profile here is created on their first call. */
    public record User(String subject, String email, String name) {
        public String header() {
            return TestIdentity.user(subject, email, name);
        }
    }

    public static User newUser() {
        String id = UUID.randomUUID().toString();
        return new User(id, "user-" + id.substring(0, 8) + "@test.wastetrace.local", "Utilisateur " + id.substring(0, 8));
    }

    public static ValidatableResponse call(String identityHeader, String query, Map<String, ?> variables) {
        return given().contentType("application/json").header(TestIdentity.HEADER, identityHeader)
                .body(Gql.body(query, variables))
                .post("/graphql")
                .then().statusCode(200);
    }

    public static ValidatableResponse call(User user, String query, Map<String, ?> variables) {
        return call(user.header(), query, variables);
    }

    /** Runs an operation that must succeed and returns its data. */
    public static JsonPath ok(User user, String query, Map<String, ?> variables) {
        JsonPath body = call(user, query, variables).extract().jsonPath();
        assertNull(body.get("errors"), () -> "unexpected errors: " + body.prettify());
        return body.setRootPath("data");
    }

    /** The {@code extensions.code} of the first error (null when the call succeeded). */
    public static String errorCode(User user, String query, Map<String, ?> variables) {
        return call(user, query, variables).extract().jsonPath().getString("errors[0].extensions.code");
    }

    /** A random SIRET with a valid Luhn key, never one of the fixtures' or demo data's (they start with 9). */
    public static String newSiret() {
        StringBuilder digits = new StringBuilder("1");
        for (int i = 0; i < 12; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public static final String CREATE_COMPANY = """
            mutation($input: PrivateCompanyInput!) {
              createCompany(companyInput: $input) { id orgId siret name securityCode userRole companyTypes }
            }""";

    /** Registers a producer company administered by the user; returns {@code [id, siret]}. */
    public static String[] createCompany(User admin) {
        String siret = newSiret();
        JsonPath data = ok(admin, CREATE_COMPANY, Map.of("input", Map.of("siret", siret, "companyName", "Société " + siret,
                "address", "1 rue du Test 69001 Lyon", "companyTypes", List.of("PRODUCER"))));
        return new String[]{data.getString("createCompany.id"), siret};
    }

    /** Makes the user a member of the company with the role (the admin invites an existing account). */
    public static void addMember(User admin, String siret, User member, String role) {
        ok(member, "{ me { id } }", Map.of());
        ok(admin, "mutation($e: String!, $s: String!, $r: UserRole!) { inviteUserToCompany(email: $e, siret: $s, role: $r) { id } }",
                Map.of("e", member.email(), "s", siret, "r", role));
    }

    public static String userId(User user) {
        return ok(user, "{ me { id } }", Map.of()).getString("me.id");
    }
}
