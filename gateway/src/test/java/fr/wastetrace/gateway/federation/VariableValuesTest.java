package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariableValuesTest {
    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            scalar DateTime
            scalar JSON
            enum Packagings { FUT GRV CITERNE }
            input ParcelNumberInput { city: String! number: String x: Float }
            input PackagingInput { type: Packagings! quantity: Int! }
            input WasteDetailsInput { parcelNumbers: [ParcelNumberInput!] packagingInfos: [PackagingInput!] }
            input FormInput { wasteDetails: WasteDetailsInput sealedAt: DateTime extra: JSON isDangerous: Boolean withDefault: Int! = 3 }
            type Form { id: ID! }
            type Query { form(id: ID!): Form forms(first: Int, type: Packagings): [Form] }
            type Mutation { createForm(input: FormInput!): Form }
            """), RuntimeWiring.newRuntimeWiring()
            .scalar(PassThroughScalars.scalar("DateTime", "ISO 8601")).scalar(PassThroughScalars.scalar("JSON", "any")).build());

    private static List<String> problems(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        return VariableValues.problems(SCHEMA, NodeUtil.getOperation(document, null).operationDefinition, variables);
    }

    private static final String CREATE = "mutation($input: FormInput!) { createForm(input: $input) { id } }";

    private static Map<String, Object> input(Map<String, Object> wasteDetails) {
        return Map.of("input", Map.of("wasteDetails", wasteDetails));
    }

    @Test
    void aMissingRequiredInputFieldIsNamedWithItsPath() {
        List<String> problems = problems(CREATE, input(Map.of("parcelNumbers", List.of(Map.of("number", "1")))));
        assertEquals(List.of("« $input.wasteDetails.parcelNumbers[0].city » est obligatoire (type String!) : ajoutez ce champ."),
                problems);
    }

    @Test
    void aValidValueHasNoProblem() {
        assertEquals(List.of(), problems(CREATE, input(Map.of("parcelNumbers", List.of(Map.of("city", "Lyon", "x", 1))))));
        assertEquals(List.of(), problems("query($id: ID!) { form(id: $id) { id } }", Map.of("id", 12)));
        // A custom scalar is the owning subgraph's to read; DateTime is checked as the reference checks it.
        assertEquals(List.of(), problems(CREATE, Map.of("input", Map.of("extra", List.of(1, "a")))));
        for (String date : List.of("2026-11-27", "2026-11-27T10:00", "2026-11-27T10:00:00", "2026-11-27T10:00:00.123Z",
                "2026-11-27T10:00:00+01:00")) {
            assertEquals(List.of(), problems(CREATE, Map.of("input", Map.of("sealedAt", date))), date);
        }
        // A single value stands for a list of one.
        assertEquals(List.of(), problems(CREATE, input(Map.of("parcelNumbers", Map.of("city", "Lyon")))));
    }

    @Test
    void wrongScalarsEnumsNullsAndShapesAreNamed() {
        assertEquals(List.of("« $first » : « 10 » n'est pas un Int valide (un nombre entier est attendu, sans guillemets)."),
                problems("query($first: Int) { forms(first: $first) { id } }", Map.of("first", "10")));
        assertEquals(List.of("« $first » : 2147483648 n'est pas un Int valide (un entier entre -2147483648 et 2147483647 est attendu)."),
                problems("query($first: Int) { forms(first: $first) { id } }", Map.of("first", 2147483648L)));
        assertEquals(List.of("« $type » : « BIDON » n'est pas une valeur de Packagings (valeurs possibles : FUT, GRV, CITERNE)."),
                problems("query($type: Packagings) { forms(type: $type) { id } }", Map.of("type", "BIDON")));
        assertEquals(List.of("« $input.wasteDetails.packagingInfos[1].quantity » : « 2 » n'est pas un Int valide (un nombre entier est attendu, sans guillemets)."),
                problems(CREATE, input(Map.of("packagingInfos", List.of(Map.of("type", "FUT", "quantity", 1),
                        Map.of("type", "GRV", "quantity", "2"))))));
        Map<String, Object> nullCity = new HashMap<>();
        nullCity.put("city", null);
        assertEquals(List.of("« $input.wasteDetails.parcelNumbers[0].city » ne peut pas être null (type String!) : indiquez une valeur."),
                problems(CREATE, input(Map.of("parcelNumbers", List.of(nullCity)))));
        assertEquals(List.of("« $input.wasteDetails » doit être un objet (type WasteDetailsInput), pas « oui »."),
                problems(CREATE, Map.of("input", Map.of("wasteDetails", "oui"))));
        assertEquals(List.of("« $input.isDangerous » : « true » n'est pas un Boolean valide (true ou false est attendu, sans guillemets)."),
                problems(CREATE, Map.of("input", Map.of("isDangerous", "true"))));
    }

    @Test
    void malformedDatesAreNamed() {
        assertEquals(List.of("« $input.sealedAt » : « 2020-33-02 » n'est pas une date au format ISO 8601 : écrivez-la "
                        + "entre guillemets, par exemple \"2026-11-27T10:00:00Z\"."),
                problems(CREATE, Map.of("input", Map.of("sealedAt", "2020-33-02"))));
        assertEquals(1, problems(CREATE, Map.of("input", Map.of("sealedAt", 20261127))).size());
        assertEquals(1, problems(CREATE, Map.of("input", Map.of("sealedAt", "27/11/2026"))).size());
    }

    @Test
    void unknownFieldsAndMissingVariablesAreNamed() {
        List<String> unknown = problems(CREATE, Map.of("input", Map.of("wasteDetail", Map.of())));
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).startsWith("« $input.wasteDetail » : champ inconnu du type FormInput : retirez-le"), unknown.get(0));
        assertEquals(List.of("La variable « $input » (FormInput!) est obligatoire : ajoutez-la dans « variables »."),
                problems(CREATE, Map.of()));
        Map<String, Object> nullInput = new HashMap<>();
        nullInput.put("input", null);
        assertEquals(List.of("« $input » ne peut pas être null (type FormInput!) : indiquez une valeur."), problems(CREATE, nullInput));
    }

    /** Hostile-request campaign, finding 2: U+0000 in a variable reached PostgreSQL, which answered a server error. */
    @Test
    void theNulCharacterIsRefusedInStringVariables() {
        assertEquals(List.of("« $id » contient le caractère nul (U+0000), qu'aucun champ n'accepte : retirez-le."),
                problems("query($id: ID!) { form(id: $id) { id } }", Map.of("id", "a\u0000b")));
        assertEquals(List.of("« $input.wasteDetails.parcelNumbers[0].city » contient le caractère nul (U+0000), qu'aucun "
                        + "champ n'accepte : retirez-le."),
                problems(CREATE, input(Map.of("parcelNumbers", List.of(Map.of("city", "\u0000"))))));
    }
}
