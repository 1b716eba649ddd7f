package fr.wastetrace.subgraph;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where a GraphQL request holds the character U+0000, which no field accepts (PostgreSQL refuses it in text): the
 * paths of the variables ({@code $input.wasteDetails.name}, {@code $ids[2]}) and of the document's string literals
 * ({@code createForm.createFormInput.wasteDetails.name}) that do, and the French message that names them. The gateway
 * refuses these requests before they reach a subgraph; {@link NulCharacterFilter} makes each subgraph refuse them
 * the same way when it is called directly.
 */
public final class NulCharacters {
    private NulCharacters() {
    }

    /** The paths holding U+0000 in one GraphQL request ({@code query}, {@code variables}), in the order met. */
    public static List<String> find(JsonNode request) {
        List<String> paths = new ArrayList<>();
        JsonNode variables = request.path("variables");
        if (variables.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), "$" + field.getKey(), paths);
            }
        }
        JsonNode query = request.path("query");
        if (query.isTextual() && query.asText().indexOf('\u0000') >= 0 || query.isTextual() && query.asText().contains("\\u0000")) {
            paths.addAll(literals(query.asText()));
        }
        return paths;
    }

    /** The message of the refusal, naming each path. */
    public static String message(List<String> paths) {
        List<String> quoted = paths.stream().map(p -> "« " + p + " »").toList();
        return (quoted.size() == 1 ? quoted.get(0) + " contient" : String.join(", ", quoted) + " contiennent")
                + " le caractère nul (U+0000), qu'aucun champ n'accepte : retirez-le.";
    }

    private static void walk(JsonNode value, String path, List<String> paths) {
        if (value.isTextual()) {
            if (value.asText().indexOf('\u0000') >= 0) {
                paths.add(path);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), path + "[" + i + "]", paths);
            }
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "." + field.getKey(), paths);
            }
        }
    }

    /** The string literals of the document holding U+0000, by the path of fields, arguments and object fields. */
    private static List<String> literals(String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException notADocument) {
            return List.of(); // the service's own parser answers a document it cannot read
        }
        List<String> paths = new ArrayList<>();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
                if (node.getValue() != null && node.getValue().indexOf('\u0000') >= 0) {
                    paths.add(pathOf(node, context));
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return paths;
    }

    private static String pathOf(Node<?> leaf, TraverserContext<Node> context) {
        List<Node> chain = new ArrayList<>(context.getParentNodes());
        Collections.reverse(chain);
        chain.add(leaf);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            Node<?> node = chain.get(i);
            String name = node instanceof Field f ? f.getName()
                    : node instanceof Argument a ? a.getName()
                    : node instanceof ObjectField o ? o.getName() : null;
            if (name != null) {
                path.append(path.length() == 0 ? "" : ".").append(name);
            } else if (node instanceof ArrayValue array && i + 1 < chain.size()) {
                path.append('[').append(array.getValues().indexOf(chain.get(i + 1))).append(']');
            }
        }
        return path.toString();
    }
}
