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

    /**
     * The number of fields the operation selects, fragments expanded where they are spread: a bound on the work one
     * request can ask for. Counting stops once {@code budget} is exceeded.
     */
    static int complexity(Document document, OperationDefinition operation, int budget) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return count(operation.getSelectionSet(), fragments, new HashSet<>(), 0, budget + 1);
    }

    private static int count(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments, Set<String> visiting,
                             int counted, int stopAt) {
        if (selectionSet == null) {
            return counted;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (counted >= stopAt) {
                return counted;
            }
            if (selection instanceof Field field) {
                counted = count(field.getSelectionSet(), fragments, visiting, counted + 1, stopAt);
            } else if (selection instanceof InlineFragment inline) {
                counted = count(inline.getSelectionSet(), fragments, visiting, counted, stopAt);
            } else if (selection instanceof FragmentSpread spread && visiting.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    counted = count(fragment.getSelectionSet(), fragments, visiting, counted, stopAt);
                }
                visiting.remove(spread.getName());
            }
        }
        return counted;
    }

    /** Root fields sent to subgraphs: each is one operation of the reference API. */
    static int rootOperationCount(QueryPlanner.Plan plan) {
        return plan.stages().stream().flatMap(java.util.List::stream).mapToInt(c -> c.resultKeys().size()).sum();
    }
}
