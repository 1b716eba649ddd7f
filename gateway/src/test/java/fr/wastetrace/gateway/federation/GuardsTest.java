package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardsTest {
    private static Optional<Integer> depth(String query, int max) {
        Document document = Parser.parse(query);
        return Guards.depthViolation(document, NodeUtil.getOperation(document, null).operationDefinition, max);
    }

    @Test
    void acceptsQueriesUpToTheLimit() {
        assertEquals(Optional.empty(), depth("{ a { b { c } } }", 3));
    }

    @Test
    void refusesDeeperQueries() {
        assertEquals(Optional.of(4), depth("{ a { b { c { d } } } }", 3));
    }

    @Test
    void countsFragmentsWhereTheyAreSpread() {
        assertEquals(Optional.of(4), depth("{ a { ...F } } fragment F on A { b { c { d } } }", 3));
        assertEquals(Optional.of(4), depth("{ a { ... on A { b { c { d } } } } }", 3));
    }

    @Test
    void survivesFragmentCycles() {
        assertEquals(Optional.empty(), depth("{ a { ...F } } fragment F on A { b ...F }", 5));
    }

    private static int fields(String query, int budget) {
        Document document = Parser.parse(query);
        return Guards.complexity(document, NodeUtil.getOperation(document, null).operationDefinition, budget);
    }

    @Test
    void countsSelectedFieldsWithFragmentsExpanded() {
        assertEquals(4, fields("{ a { b c } d }", 100));
        assertEquals(6, fields("{ x: a { ...F } y: a { ...F } } fragment F on A { b c }", 100));
    }

    @Test
    void stopsCountingPastTheBudget() {
        assertEquals(3, fields("{ a b c d e f g }", 2));
    }
}
