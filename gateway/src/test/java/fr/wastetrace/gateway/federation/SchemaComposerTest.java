package fr.wastetrace.gateway.federation;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaComposerTest {
    static final String FEDERATION_PLUMBING = """
            directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            directive @external on OBJECT | FIELD_DEFINITION
            scalar FieldSet
            scalar _Any
            scalar BigDecimal
            type _Service { sdl: String! }
            """;

    static final String COMPANY = FEDERATION_PLUMBING + """
            type Query {
              _service: _Service!
              ecoOrganismes(handleBsdd: Boolean): [EcoOrganisme!]!
              me: User!
            }
            type Mutation { createCompany(name: String!): CompanyPrivate! }
            type EcoOrganisme { id: ID! name: String! }
            type User @key(fields: "id") { id: ID! email: String! }
            type CompanyPrivate { siret: String kind: CompanyKind }
            enum CompanyKind { PRODUCER TRANSPORTER @deprecated(reason: "old") }
            """;

    static final String BSD = FEDERATION_PLUMBING + """
            scalar DateTime
            union _Entity = Form
            type Query {
              _service: _Service!
              _entities(representations: [_Any!]!): [_Entity]!
              form(id: ID): Form!
            }
            type Mutation { markAsSealed(id: ID!): Form! }
            type Form @key(fields: "id") { id: ID! createdAt: DateTime owner: User }
            type User @key(fields: "id") { id: ID! @external }
            interface Signable { signedAt: DateTime }
            type Signature implements Signable { signedAt: DateTime author: String }
            """;

    private static Map<String, String> subgraphs() {
        Map<String, String> sdls = new LinkedHashMap<>();
        sdls.put("bsd", BSD);
        sdls.put("company", COMPANY);
        return sdls;
    }

    @Test
    void unitesRootFieldsAndRecordsTheirOwner() {
        ComposedSchema composed = SchemaComposer.compose(subgraphs());
        assertEquals("bsd", composed.ownerOf("Query", "form").orElseThrow());
        assertEquals("company", composed.ownerOf("Query", "ecoOrganismes").orElseThrow());
        assertEquals("company", composed.ownerOf("Mutation", "createCompany").orElseThrow());
        assertEquals("bsd", composed.ownerOf("Mutation", "markAsSealed").orElseThrow());
        assertNotNull(composed.schema().getQueryType().getFieldDefinition("me"));
    }

    @Test
    void leavesOutFederationPlumbingAndUnreachableTypes() {
        ComposedSchema composed = SchemaComposer.compose(subgraphs());
        assertNull(composed.schema().getQueryType().getFieldDefinition("_service"));
        assertNull(composed.schema().getQueryType().getFieldDefinition("_entities"));
        assertNull(composed.schema().getType("_Service"));
        assertNull(composed.schema().getType("_Any"));
        assertNull(composed.schema().getType("FieldSet"));
        assertNull(composed.schema().getType("BigDecimal"), "an unused scalar is not public");
        assertNull(composed.schema().getType("Signature"), "a type no field reaches is not public");
        assertNull(composed.schema().getDirective("key"));
        assertFalse(composed.sdl().contains("@key"));
        assertFalse(composed.sdl().contains("_service"));
    }

    @Test
    void mergesEntityFieldsDeclaredByTwoSubgraphs() {
        ComposedSchema composed = SchemaComposer.compose(subgraphs());
        var user = composed.schema().getObjectType("User");
        assertNotNull(user.getFieldDefinition("id"));
        assertNotNull(user.getFieldDefinition("email"));
        assertNotNull(composed.schema().getType("DateTime"));
    }

    @Test
    void keepsDeprecations() {
        ComposedSchema composed = SchemaComposer.compose(subgraphs());
        var kind = composed.schema().getTypeAs("CompanyKind");
        assertTrue(((graphql.schema.GraphQLEnumType) kind).getValue("TRANSPORTER").isDeprecated());
    }

    @Test
    void exposesASubgraphsSubscriptionsWithTheirOwner() {
        Map<String, String> sdls = subgraphs();
        sdls.put("bsd", BSD + """
                type Subscription { forms(token: String!): FormSubscription }
                type FormSubscription { mutation: String node: Form updatedFields: [String] previousValues: Form }
                """);
        ComposedSchema composed = SchemaComposer.compose(sdls);
        assertEquals("bsd", composed.ownerOf("Subscription", "forms").orElseThrow());
        assertEquals("FormSubscription", graphql.schema.GraphQLTypeUtil.simplePrint(
                composed.schema().getSubscriptionType().getFieldDefinition("forms").getType()));
        assertTrue(composed.sdl().contains("type Subscription {"), composed.sdl());
        assertTrue(composed.sdl().contains("forms(token: String!): FormSubscription"), composed.sdl());
    }

    @Test
    void refusesARootFieldDeclaredTwice() {
        Map<String, String> sdls = subgraphs();
        sdls.put("registry", "type Query { form(id: ID): String }");
        assertThrows(SchemaComposer.CompositionException.class, () -> SchemaComposer.compose(sdls));
    }

    @Test
    void refusesConflictingFieldTypes() {
        Map<String, String> sdls = new LinkedHashMap<>();
        sdls.put("a", "type Query { a: Thing } type Thing { id: ID! }");
        sdls.put("b", "type Query { b: Thing } type Thing { id: String }");
        assertThrows(SchemaComposer.CompositionException.class, () -> SchemaComposer.compose(sdls));
    }
}
