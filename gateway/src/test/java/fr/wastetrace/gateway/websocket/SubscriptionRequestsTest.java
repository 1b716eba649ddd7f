package fr.wastetrace.gateway.websocket;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionRequestsTest {

    private static SubscriptionRequests.Upstream upstream(String query, String operationName, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.equals(o.getName())).findFirst().orElseThrow();
        return SubscriptionRequests.upstream(document, operation, variables);
    }

    @Test
    void aLiteralTokenIsReadAndNeverSentOn() {
        SubscriptionRequests.Upstream upstream = upstream(
                "subscription { forms(token: \"pat-123\") { mutation node { id } } }", null, Map.of());
        assertEquals("forms", upstream.rootField());
        assertEquals(Optional.of("Bearer pat-123"), upstream.bearer());
        assertEquals("subscription{forms(token:\"\"){mutation node{id}}}", upstream.query());
        assertFalse(upstream.query().contains("pat-123"));
    }

    @Test
    void aTokenVariableIsReadAndDroppedWithItsDefinition() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("token", "Bearer eyJ.jwt.sig");
        variables.put("unused", 1);
        SubscriptionRequests.Upstream upstream = upstream(
                "subscription On($token: String!) { forms(token: $token) { mutation } }", "On", variables);
        assertEquals(Optional.of("Bearer eyJ.jwt.sig"), upstream.bearer());
        assertEquals("subscription On{forms(token:\"\"){mutation}}", upstream.query());
        assertEquals(Map.of(), upstream.variables());
        assertEquals("On", upstream.operationName());
    }

    @Test
    void otherVariablesFragmentsAndAliasesAreKeptOnlyWhenUsed() {
        SubscriptionRequests.Upstream upstream = upstream("""
                query Other { form(id: "x") { id } }
                fragment Unused on Form { status }
                fragment Node on Form { id status @include(if: $withStatus) }
                subscription On($t: String!, $withStatus: Boolean!) {
                  changes: forms(token: $t) { mutation node { ...Node } }
                }""", "On", Map.of("t", "pat", "withStatus", true));
        assertEquals("subscription On($withStatus:Boolean!){changes:forms(token:\"\"){mutation node{...Node}}} "
                + "fragment Node on Form {id status @include(if:$withStatus)}", upstream.query());
        assertEquals(Map.of("withStatus", true), upstream.variables());
    }

    @Test
    void aRootFieldInAFragmentIsFoundToo() {
        SubscriptionRequests.Upstream upstream = upstream("""
                subscription { ...Root }
                fragment Root on Subscription { forms(token: "pat") { mutation } }""", null, Map.of());
        assertEquals(Optional.of("Bearer pat"), upstream.bearer());
        assertTrue(upstream.query().contains("fragment Root on Subscription {forms(token:\"\"){mutation}}"),
                upstream.query());
    }

    @Test
    void anEmptyOrNullTokenIdentifiesNobody() {
        assertEquals(Optional.empty(), upstream("subscription { forms(token: \"  \") { mutation } }", null, Map.of()).bearer());
        Map<String, Object> variables = new HashMap<>();
        variables.put("t", null);
        SubscriptionRequests.Upstream nullToken = upstream(
                "subscription($t: String!) { forms(token: $t) { mutation } }", null, variables);
        assertNull(nullToken.token());
        assertTrue(nullToken.hasToken());
        assertEquals(Optional.empty(), nullToken.bearer());
    }

    @Test
    void aSubscriptionWithoutTokenArgumentIsSentAsItIs() {
        SubscriptionRequests.Upstream upstream = upstream("subscription { ticks { at } }", null, Map.of());
        assertFalse(upstream.hasToken());
        assertEquals("subscription{ticks{at}}", upstream.query());
    }
}
