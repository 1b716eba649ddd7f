package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryPlannerTest {
    private static final ComposedSchema SCHEMA = SchemaComposer.compose(Map.of(
            "bsd", SchemaComposerTest.BSD, "company", SchemaComposerTest.COMPANY));

    private static QueryPlanner.Plan plan(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
        return QueryPlanner.plan(document, operation, variables, SCHEMA);
    }

    @Test
    void oneCallPerSubgraphForAQuery() {
        QueryPlanner.Plan plan = plan("{ a: form(id: \"1\") { id } ecoOrganismes { name } b: form(id: \"2\") { id } }", Map.of());
        assertEquals(1, plan.stages().size(), "a query calls its subgraphs at once");
        assertEquals(2, plan.callCount());
        QueryPlanner.SubgraphCall bsd = plan.stages().get(0).get(0);
        assertEquals("bsd", bsd.subgraph());
        assertEquals(List.of("a", "b"), bsd.resultKeys());
        assertTrue(bsd.query().contains("a:form(id:\"1\")"), bsd.query());
        assertFalse(bsd.query().contains("ecoOrganismes"));
    }

    @Test
    void mutationsKeepTheOrderOfTheirFields() {
        QueryPlanner.Plan plan = plan("mutation { x: markAsSealed(id: \"1\") { id } createCompany(name: \"n\") { siret } y: markAsSealed(id: \"2\") { id } }", Map.of());
        assertEquals(3, plan.stages().size());
        assertEquals(List.of("bsd", "company", "bsd"),
                plan.stages().stream().map(s -> s.get(0).subgraph()).toList());
    }

    @Test
    void sendsOnlyTheVariablesAndFragmentsEachCallUses() {
        QueryPlanner.Plan plan = plan("""
                query Q($id: ID, $flag: Boolean) {
                  form(id: $id) { ...FormFields }
                  ecoOrganismes(handleBsdd: $flag) { name }
                }
                fragment FormFields on Form { id owner { ...UserFields } }
                fragment UserFields on User { id }
                """, Map.of("id", "42", "flag", true));
        QueryPlanner.SubgraphCall bsd = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("bsd")).findFirst().orElseThrow();
        QueryPlanner.SubgraphCall company = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("company")).findFirst().orElseThrow();
        assertEquals(Map.of("id", "42"), bsd.variables());
        assertTrue(bsd.query().contains("fragment FormFields") && bsd.query().contains("fragment UserFields"), bsd.query());
        assertTrue(bsd.query().contains("$id:ID") && !bsd.query().contains("$flag"), bsd.query());
        assertEquals(Map.of("flag", true), company.variables());
        assertFalse(company.query().contains("fragment"), company.query());
    }

    @Test
    void asksForTypenameInEveryNestedSelection() {
        QueryPlanner.Plan plan = plan("{ form(id: \"1\") { id owner { id } } }", Map.of());
        String query = plan.stages().get(0).get(0).query();
        assertEquals(2, query.split("__typename", -1).length - 1, query);
    }

    @Test
    void answersIntrospectionLocally() {
        QueryPlanner.Plan plan = plan("{ __typename __schema { queryType { name } } }", Map.of());
        assertEquals(0, plan.callCount());
    }

    @Test
    void expandsRootFragments() {
        QueryPlanner.Plan plan = plan("query { ...Root } fragment Root on Query { ecoOrganismes { name } }", Map.of());
        assertEquals(List.of("ecoOrganismes"), plan.stages().get(0).get(0).resultKeys());
    }

    @Test
    void fieldsAnotherSubgraphResolvesAreFetchedByKeyInOneEntitiesCall() {
        QueryPlanner.Plan plan = plan("query($id: ID) { form(id: $id) { id owner { mail: email id } } }", Map.of("id", "7"));
        QueryPlanner.SubgraphCall bsd = plan.stages().get(0).get(0);
        assertEquals("bsd", bsd.subgraph());
        assertFalse(bsd.query().contains("email"), "bsd does not resolve User.email: " + bsd.query());
        assertTrue(bsd.query().contains("_wtKey_id:id"), "bsd is asked for the owner's key: " + bsd.query());

        assertEquals(1, bsd.fetches().size());
        EntityFetch fetch = bsd.fetches().get(0);
        assertEquals("company", fetch.subgraph());
        assertEquals("User", fetch.type());
        assertEquals(List.of("form", "owner"), fetch.path());
        assertEquals(List.of("id"), fetch.keyFields());
        assertEquals(List.of("mail"), fetch.fields());
        assertTrue(fetch.query().contains("_entities(representations:$_wtRepresentations)"), fetch.query());
        assertTrue(fetch.query().contains("...on User{mail:email __typename}"), fetch.query());
        assertEquals(Map.of(), fetch.variables(), "the fetch sends only the variables its selection uses");
    }

    @Test
    void foreignFieldsInsideAFragmentAreSplitWithoutTouchingTheFragmentsOtherUses() {
        QueryPlanner.Plan plan = plan("""
                { form(id: "1") { owner { ...U } } me { ...U } }
                fragment U on User { id email }
                """, Map.of());
        QueryPlanner.SubgraphCall bsd = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("bsd")).findFirst().orElseThrow();
        QueryPlanner.SubgraphCall company = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("company")).findFirst().orElseThrow();
        assertFalse(bsd.query().contains("email"), bsd.query());
        assertEquals(1, bsd.fetches().size());
        assertTrue(company.query().contains("fragment U on User {id email __typename}"), company.query());
        assertTrue(company.fetches().isEmpty(), "company resolves User.email itself");
    }

    @Test
    void noFetchWhenTheSubgraphResolvesEveryField() {
        QueryPlanner.Plan plan = plan("{ form(id: \"1\") { id owner { id } } }", Map.of());
        assertTrue(plan.stages().get(0).get(0).fetches().isEmpty());
    }

    @Test
    void aTemplateBoundToTheVariablesIsThePlanOfTheRequest() {
        List<String> queries = List.of(
                "query Q($id: ID, $flag: Boolean) { form(id: $id) { ...F } ecoOrganismes(handleBsdd: $flag) { name } } fragment F on Form { id owner { id } }",
                "query($id: ID) { form(id: $id) { id owner { mail: email id } } }",
                "mutation M($id: ID!) { x: markAsSealed(id: $id) { id } createCompany(name: \"n\") { siret } }");
        List<Map<String, Object>> variableSets = List.of(Map.of(), Map.of("id", "42"), Map.of("id", "42", "flag", false));
        for (String query : queries) {
            Document document = Parser.parse(query);
            OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
            QueryPlanner.Plan template = QueryPlanner.template(document, operation, SCHEMA);
            for (Map<String, Object> variables : variableSets) {
                assertEquals(QueryPlanner.plan(document, operation, variables, SCHEMA), template.bind(variables),
                        query + " with " + variables);
            }
        }
    }

    @Test
    void aVariableTheRequestLeavesOutIsNotSent() {
        Document document = Parser.parse("query Q($id: ID, $flag: Boolean) { form(id: $id) { id } ecoOrganismes(handleBsdd: $flag) { name } }");
        OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("id", null);
        QueryPlanner.Plan plan = QueryPlanner.template(document, operation, SCHEMA).bind(variables);
        QueryPlanner.SubgraphCall bsd = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("bsd")).findFirst().orElseThrow();
        QueryPlanner.SubgraphCall company = plan.stages().get(0).stream().filter(c -> c.subgraph().equals("company")).findFirst().orElseThrow();
        assertTrue(bsd.variables().containsKey("id") && bsd.variables().get("id") == null, "an explicit null is sent as null");
        assertEquals(Map.of(), company.variables(), "an absent variable stays absent (its default applies)");
    }

    private static String passThrough(String query, String operationName) {
        Document document = Parser.parse(query);
        OperationDefinition operation = NodeUtil.getOperation(document, operationName).operationDefinition;
        return QueryPlanner.passThroughQuery(document, operation, QueryPlanner.template(document, operation, SCHEMA));
    }

    @Test
    void anOperationOneSubgraphAnswersWholeIsSentAsWritten() {
        String query = passThrough("""
                query Mine($id: ID) { a: form(id: $id) { ...F ... on Form { createdAt } } b: form(id: "2") { id } }
                query Other { ecoOrganismes { name } }
                fragment F on Form { id owner { id } }
                fragment Unused on Form { id }
                """, "Mine");
        assertEquals("query Mine($id:ID){a:form(id:$id){...F ...on Form{createdAt}}b:form(id:\"2\"){id}} "
                + "fragment F on Form {id owner{id}}", query, "no __typename added, only the fragments it uses");
        assertEquals("mutation{markAsSealed(id:\"1\"){id}}", passThrough("mutation { markAsSealed(id: \"1\") { id } }", null));
    }

    @Test
    void noPassThroughWhenTheGatewayHasPartOfTheAnswer() {
        assertEquals(null, passThrough("{ form(id: \"1\") { id } ecoOrganismes { name } }", null), "two subgraphs");
        assertEquals(null, passThrough("{ form(id: \"1\") { owner { email } } }", null), "an entity fetch");
        assertEquals(null, passThrough("{ __typename form(id: \"1\") { id } }", null), "a root field of the gateway");
        assertEquals(null, passThrough("{ ... on Query { __schema { queryType { name } } } form(id: \"1\") { id } }", null),
                "introspection in a root fragment");
        assertEquals(null, passThrough("mutation { markAsSealed(id: \"1\") { id } createCompany(name: \"n\") { siret } }", null),
                "a mutation over two subgraphs");
    }
}
