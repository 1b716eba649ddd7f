package fr.wastetrace.gateway.federation;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Limits on what one request may ask: depth of selections, number of root operations. */
final class Guards {
    private Guards() {
    }

    /** A selection deeper than the limit: its operation's name ("" if anonymous), the field names down to it, its depth. */
    record DepthViolation(String operation, List<String> path, int depth, SourceLocation location) {
    }

    /**
     * The first selection deeper than {@code maxDepth} in each operation of the document, counted exactly as the
     * reference API's graphql-depth-limit (maximum 10) counts: every operation of the document is checked, not only
     * the one to run; root fields are at depth 0 and a field's sub-selections one deeper; fragments, inline or named,
     * count where they are spread; a field whose name starts with {@code __} (introspection) is checked for its own
     * depth, and nothing below it counts. A leaf at depth {@code maxDepth} passes, one at {@code maxDepth + 1} does not.
     */
    static List<DepthViolation> depthViolations(Document document, int maxDepth) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        List<DepthViolation> violations = new ArrayList<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            String name = operation.getName() == null ? "" : operation.getName();
            tooDeep(operation.getSelectionSet(), fragments, new HashSet<>(), new ArrayList<>(), 0, maxDepth)
                    .map(v -> new DepthViolation(name, v.path(), v.depth(), v.location()))
                    .ifPresent(violations::add);
        }
        return violations;
    }

    private static Optional<DepthViolation> tooDeep(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments,
                                                    Set<String> visiting, List<String> path, int depth, int maxDepth) {
        if (selectionSet == null) {
            return Optional.empty();
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (depth > maxDepth) {
                List<String> at = new ArrayList<>(path);
                at.add(selection instanceof Field field ? field.getName()
                        : selection instanceof FragmentSpread spread ? "..." + spread.getName() : "...");
                return Optional.of(new DepthViolation("", at, depth, selection.getSourceLocation()));
            }
            Optional<DepthViolation> found = Optional.empty();
            if (selection instanceof Field field) {
                if (field.getName().startsWith("__") || field.getSelectionSet() == null) {
                    continue;
                }
                path.add(field.getName());
                found = tooDeep(field.getSelectionSet(), fragments, visiting, path, depth + 1, maxDepth);
                path.remove(path.size() - 1);
            } else if (selection instanceof InlineFragment inline) {
                found = tooDeep(inline.getSelectionSet(), fragments, visiting, path, depth, maxDepth);
            } else if (selection instanceof FragmentSpread spread && visiting.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    found = tooDeep(fragment.getSelectionSet(), fragments, visiting, path, depth, maxDepth);
                }
                visiting.remove(spread.getName());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
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

    /**
     * The largest number of fields one operation of the document selects, fragments expanded where they are spread
     * ({@link #complexity}), or {@code budget + 1} as soon as one operation, or all of them together, go past
     * {@code budget} and {@code budget * maxOperations}. Checked before anything else walks the expanded document (the
     * depth limit, graphql-java's validation): a few fragments that spread each other several times ("fragment bomb")
     * would otherwise expand to billions of fields, and their walk would hold a worker thread for hours.
     */
    static int expandedFields(Document document, int budget, int maxOperations) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        long total = 0;
        int largest = 0;
        long totalBudget = (long) budget * Math.max(1, maxOperations);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            int fields = count(operation.getSelectionSet(), fragments, new HashSet<>(), 0, budget + 1);
            largest = Math.max(largest, fields);
            total += fields;
            if (largest > budget || total > totalBudget) {
                return budget + 1;
            }
        }
        return largest;
    }

    /**
     * Where the document writes a string holding the character U+0000, if it does: no text the API stores or searches
     * may hold it (PostgreSQL refuses it in text), so it is the client's mistake, refused before any subgraph sees it.
     */
    static Optional<SourceLocation> nulCharacter(Document document) {
        AtomicReference<SourceLocation> found = new AtomicReference<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<graphql.language.Node> context) {
                if (node.getValue() != null && node.getValue().indexOf('\u0000') >= 0) {
                    found.set(node.getSourceLocation());
                    return TraversalControl.QUIT;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return Optional.ofNullable(found.get());
    }

    /**
     * The operations one document asks for, counted as the reference API's query-merging limiter counts them: the
     * selections at the root of every operation of the document, as written (an aliased field is one more operation;
     * a fragment spread or an inline fragment at the root counts as one, whatever it selects; {@code __typename} too).
     */
    static int operationCount(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .mapToInt(o -> o.getSelectionSet() == null ? 0 : o.getSelectionSet().getSelections().size()).sum();
    }
}
