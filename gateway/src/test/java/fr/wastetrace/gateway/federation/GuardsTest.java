package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardsTest {
    /** The depth of the first too-deep selection of each operation, as graphql-depth-limit reports them. */
    private static List<Integer> tooDeep(String query, int max) {
        return Guards.depthViolations(Parser.parse(query), max).stream().map(Guards.DepthViolation::depth).toList();
    }

    /** A query whose deepest leaf is at {@code depth}, root field at depth 0 (graphql-depth-limit's count). */
    static String nested(int depth) {
        StringBuilder query = new StringBuilder("{ ");
        for (int level = 0; level < depth; level++) {
            query.append("f").append(level).append(" { ");
        }
        query.append("leaf");
        query.append(" }".repeat(depth + 1));
        return query.toString();
    }

    @Test
    void rootFieldsAreAtDepthZero() {
        assertEquals(List.of(), tooDeep("{ a }", 0));
        assertEquals(List.of(1), tooDeep("{ a { b } }", 0));
    }

    @Test
    void aLeafAtTheLimitPassesOneDeeperIsRefused() {
        assertEquals(List.of(), tooDeep(nested(10), 10));
        assertEquals(List.of(11), tooDeep(nested(11), 10));
        Guards.DepthViolation violation = Guards.depthViolations(Parser.parse(nested(11)), 10).get(0);
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "leaf"), violation.path());
    }

    @Test
    void countsFragmentsWhereTheyAreSpread() {
        assertEquals(List.of(), tooDeep("{ a { ...F } } fragment F on A { b { c } }", 2));
        assertEquals(List.of(3), tooDeep("{ a { ...F } } fragment F on A { b { c { d } } }", 2));
        assertEquals(List.of(3), tooDeep("{ a { ... on A { b { c { d } } } } }", 2));
    }

    @Test
    void belowAnIntrospectionFieldNothingCountsButItsOwnDepthDoes() {
        assertEquals(List.of(), tooDeep("{ __schema { types { fields { type { ofType { name } } } } } }", 1));
        assertEquals(List.of(), tooDeep("{ a { b { __typename } } }", 2));
        assertEquals(List.of(3), tooDeep("{ a { b { c { __typename } } } }", 2));
    }

    @Test
    void everyOperationOfTheDocumentIsChecked() {
        assertEquals(List.of(3, 3), tooDeep("query A { a { b { c { d } } } } query B { a { b { c { d } } } } query C { a }", 2));
        assertEquals("B", Guards.depthViolations(Parser.parse("query A { a } query B { a { b { c } } }"), 1).get(0).operation());
    }

    @Test
    void survivesFragmentCycles() {
        assertEquals(List.of(), tooDeep("{ a { ...F } } fragment F on A { b ...F }", 5));
    }

    @Test
    void countsOperationsAsTheReferencesQueryMergingLimiter() {
        assertEquals(1, Guards.operationCount(Parser.parse("{ a { b c } }")));
        assertEquals(3, Guards.operationCount(Parser.parse("{ x: a y: a z: a }")));
        // Every operation of the document, run or not.
        assertEquals(4, Guards.operationCount(Parser.parse("query A { a b } query B { c d }")));
        // A root fragment counts once, whatever it selects; __typename counts like any selection.
        assertEquals(2, Guards.operationCount(Parser.parse("{ ...F __typename } fragment F on Query { a b c d e f }")));
        assertEquals(1, Guards.operationCount(Parser.parse("{ ... on Query { a b c } }")));
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

    /** Fragments that each spread the one before {@code fan} times: {@code fan^levels} fields once expanded. */
    private static String fragmentBomb(int levels, int fan) {
        StringBuilder query = new StringBuilder("query { me { ...F" + (levels - 1) + " } } fragment F0 on User { id } ");
        for (int level = 1; level < levels; level++) {
            query.append("fragment F").append(level).append(" on User {");
            for (int i = 0; i < fan; i++) {
                query.append(" ...F").append(level - 1);
            }
            query.append(" } ");
        }
        return query.toString();
    }

    /** Hostile-request campaign, finding 1: a fragment bomb held a worker thread for hours in the depth check. */
    @Test
    void aFragmentBombIsMeasuredWithinTheBudgetAndQuickly() {
        Document bomb = Parser.parse(fragmentBomb(30, 4)); // 4^29 fields once expanded
        long started = System.nanoTime();
        assertEquals(2001, Guards.expandedFields(bomb, 2000, 5));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "bounded by the budget, not by the expansion");
        assertEquals(1 + 8, Guards.expandedFields(Parser.parse(fragmentBomb(4, 2)), 2000, 5));
    }

    @Test
    void expandedFieldsCountsEveryOperationTogether() {
        String three = "query A { a b } query B { a b } query C { a b }";
        assertEquals(2, Guards.expandedFields(Parser.parse(three), 2, 5));
        assertEquals(3, Guards.expandedFields(Parser.parse(three), 2, 2), "6 fields in all is past 2 x 2");
        assertEquals(1, Guards.expandedFields(Parser.parse("query { ...A } fragment A on Query { a ...A }"), 10, 5),
                "a cycle is counted once (validation refuses it)");
    }

    /** Hostile-request campaign, finding 2: U+0000 in a filter reached PostgreSQL, which answered a server error. */
    @Test
    void findsTheNulCharacterInStringLiterals() {
        assertTrue(Guards.nulCharacter(Parser.parse("{ bsds(where: { id: { _eq: \"a\\u0000b\" } }) { totalCount } }")).isPresent());
        assertTrue(Guards.nulCharacter(Parser.parse("{ a(x: [{ y: \"\\u0000\" }]) }")).isPresent());
        assertTrue(Guards.nulCharacter(Parser.parse("{ a(x: \"\\u00e9\") }")).isEmpty());
    }
}
