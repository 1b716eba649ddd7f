package fr.wastetrace.subgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NulCharactersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode request(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void namesEachVariableThatHoldsIt() throws Exception {
        JsonNode request = request("{\"query\": \"mutation($input: X!, $ids: [ID!]) { f }\", \"variables\": {"
                + "\"input\": {\"wasteDetails\": {\"name\": \"a\\u0000b\", \"code\": \"16 06 01*\"}},"
                + "\"ids\": [\"ok\", \"\\u0000\"], \"clean\": \"text\"}}");
        assertEquals(List.of("$input.wasteDetails.name", "$ids[1]"), NulCharacters.find(request));
    }

    @Test
    void namesTheFieldsAndArgumentsOfALiteral() throws Exception {
        JsonNode request = request("{\"query\": \"mutation { createForm(createFormInput: { wasteDetails: "
                + "{ name: \\\"a\\\\u0000b\\\" }, ids: [\\\"x\\\", \\\"y\\\\u0000\\\"] }) { id } }\"}");
        assertEquals(List.of("createForm.createFormInput.wasteDetails.name", "createForm.createFormInput.ids[1]"),
                NulCharacters.find(request));
    }

    @Test
    void findsNothingWhereThereIsNone() throws Exception {
        assertEquals(List.of(), NulCharacters.find(request("{\"query\": \"{ f(a: \\\"b\\\") }\", \"variables\": {\"a\": \"\\\\u0000\"}}")));
        assertEquals(List.of(), NulCharacters.find(request("{\"query\": \"{ not a document\\\\u0000\"}")));
        assertEquals(List.of(), NulCharacters.find(request("{\"variables\": null}")));
    }

    @Test
    void theMessageIsInFrenchAndNamesEachField() {
        assertEquals("« $input.name » contient le caractère nul (U+0000), qu'aucun champ n'accepte : retirez-le.",
                NulCharacters.message(List.of("$input.name")));
        assertEquals("« $a », « $b[0] » contiennent le caractère nul (U+0000), qu'aucun champ n'accepte : retirez-le.",
                NulCharacters.message(List.of("$a", "$b[0]")));
    }
}
