package fr.wastetrace.gateway.websocket;

import fr.wastetrace.gateway.federation.QueryPlanner;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a subgraph receives for a client's subscription, and the credentials it carries. In the reference API the
 * caller of a subscription is its root field's {@code token} argument (a personal access token or a Keycloak access
 * token), not a header: the gateway reads it, resolves it itself and sends the subgraph the subscription with an
 * empty token (the subgraph gets the caller as a signed identity, never the client's credentials).
 */
final class SubscriptionRequests {
    static final String TOKEN_ARGUMENT = "token";

    /**
     * @param token     the root field's {@code token} argument, when it has one (null when it is given as null)
     * @param hasToken  whether the root field has a {@code token} argument at all
     * @param query     the document to send: the operation, token blanked, and the fragments it uses
     * @param variables the variables it uses
     */
    record Upstream(String rootField, boolean hasToken, String token, String query, Map<String, Object> variables,
                    String operationName) {
        Optional<String> bearer() {
            if (!hasToken || token == null || token.isBlank()) {
                return Optional.empty();
            }
            String trimmed = token.trim();
            return Optional.of(trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed : "Bearer " + trimmed);
        }
    }

    private SubscriptionRequests() {
    }

    static Upstream upstream(Document document, OperationDefinition operation, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Field root = rootField(operation.getSelectionSet(), fragments)
                .orElseThrow(() -> new IllegalArgumentException("a subscription without a root field"));
        Argument token = root.getArguments().stream().filter(a -> a.getName().equals(TOKEN_ARGUMENT)).findFirst()
                .orElse(null);
        String tokenValue = null;
        if (token != null && token.getValue() instanceof StringValue literal) {
            tokenValue = literal.getValue();
        } else if (token != null && token.getValue() instanceof VariableReference variable
                && variables.get(variable.getName()) instanceof String value) {
            tokenValue = value;
        }

        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition == operation || definition instanceof FragmentDefinition) {
                definitions.add(token == null ? definition : (Definition) blank(definition, token));
            }
        }
        OperationDefinition sent = (OperationDefinition) definitions.stream()
                .filter(d -> d instanceof OperationDefinition).findFirst().orElseThrow();
        Map<String, FragmentDefinition> sentFragments = new HashMap<>();
        definitions.stream().filter(d -> d instanceof FragmentDefinition)
                .forEach(d -> sentFragments.put(((FragmentDefinition) d).getName(), (FragmentDefinition) d));
        Set<String> usedFragments = new LinkedHashSet<>();
        Set<String> usedVariables = new LinkedHashSet<>();
        QueryPlanner.collectUses(sent.getSelectionSet(), sentFragments, usedFragments, usedVariables);
        sent.getDirectives().forEach(d -> QueryPlanner.collectUses(d, sentFragments, usedFragments, usedVariables));
        OperationDefinition trimmed = sent.transform(b -> b.variableDefinitions(sent.getVariableDefinitions().stream()
                .filter(v -> usedVariables.contains(v.getName())).toList()));
        List<Definition> kept = new ArrayList<>();
        kept.add(trimmed);
        usedFragments.forEach(name -> kept.add(sentFragments.get(name)));
        Map<String, Object> sentVariables = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (usedVariables.contains(name)) {
                sentVariables.put(name, value);
            }
        });
        return new Upstream(root.getName(), token != null, tokenValue,
                AstPrinter.printAstCompact(Document.newDocument().definitions(kept).build()), sentVariables,
                operation.getName());
    }

    /** The single root field of a subscription (graphql-java's validation allows no other). */
    private static Optional<Field> rootField(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        for (Selection<?> selection : selections.getSelections()) {
            Optional<Field> found = Optional.empty();
            if (selection instanceof Field field && !field.getName().startsWith("__")) {
                found = Optional.of(field);
            } else if (selection instanceof InlineFragment inline) {
                found = rootField(inline.getSelectionSet(), fragments);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                found = rootField(fragments.get(spread.getName()).getSelectionSet(), fragments);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code definition} with the token argument's value replaced by an empty string. */
    private static Node<?> blank(Node<?> definition, Argument token) {
        return new AstTransformer().transform(definition, new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (node == token) {
                    return TreeTransformerUtil.changeNode(context, node.transform(b -> b.value(new StringValue(""))));
                }
                return TraversalControl.CONTINUE;
            }
        });
    }
}
