package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Limits on what one request may ask: depth of selections, number of root operations. */
final class Guards {
    private Guards() {
    }

    /** The operation's depth when it exceeds {@code maxDepth}; fragments count where they are spread. */
    static Optional<Integer> depthViolation(Document document, OperationDefinition operation, int maxDepth) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        int depth = depth(operation.getSelectionSet(), fragments, new HashSet<>(), 0, maxDepth + 1);
        return depth > maxDepth ? Optional.of(depth) : Optional.empty();
    }

    private static int depth(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments, Set<String> visiting,
                             int current, int stopAt) {
        if (selectionSet == null || current >= stopAt) {
            return current;
        }
        int deepest = current;
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().startsWith("__")) {
                    continue; // introspection is bounded by the schema itself
                }
                deepest = Math.max(deepest, depth(field.getSelectionSet(), fragments, visiting, current + 1, stopAt));
            } else if (selection instanceof InlineFragment inline) {
                deepest = Math.max(deepest, depth(inline.getSelectionSet(), fragments, visiting, current, stopAt));
            } else if (selection instanceof FragmentSpread spread && visiting.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    deepest = Math.max(deepest, depth(fragment.getSelectionSet(), fragments, visiting, current, stopAt));
                }
                visiting.remove(spread.getName());
            }
        }
        return deepest;
    }

    /** Root fields sent to subgraphs: each is one operation of the reference API. */
    static int rootOperationCount(QueryPlanner.Plan plan) {
        return plan.stages().stream().flatMap(java.util.List::stream).mapToInt(c -> c.resultKeys().size()).sum();
    }
}
