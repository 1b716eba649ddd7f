package fr.wastetrace.gateway.federation;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a client operation into the calls to make to the subgraphs: the root fields owned by one subgraph go to it
 * in one request, with exactly the fragments and variables they use. Queries call every subgraph at once; mutations
 * keep the order of their root fields (consecutive fields of one subgraph still share a request).
 *
 * <p>{@code __typename} is added to every selection set sent, so that the gateway can tell the concrete type of
 * interface and union values. Introspection fields are answered by the gateway itself and never sent.
 */
public final class QueryPlanner {

    /**
     * One request to one subgraph, answering the given root result keys (aliases or field names); {@code fetches}:
     * the {@code _entities} requests that complete its answer with fields other subgraphs resolve.
     */
    public record SubgraphCall(String subgraph, String query, Map<String, Object> variables, List<String> resultKeys,
                               List<String> fieldNames, List<EntityFetch> fetches) {
        /** Whether the call runs mutations (never retried); its query is printed from a mutation operation first. */
        public boolean mutation() {
            return query.startsWith("mutation");
        }

        /** This call (and its fetches) with the request's values of the variables it uses. */
        public SubgraphCall bind(Map<String, Object> requestVariables) {
            return new SubgraphCall(subgraph, query, select(requestVariables, variables.keySet()), resultKeys, fieldNames,
                    fetches.stream().map(f -> f.bind(requestVariables)).toList());
        }
    }

    /**
     * Calls grouped in stages: the calls of a stage run concurrently, stages one after the other.
     *
     * <p>The shape of a plan depends on the document and the operation only, never on the variables' values: a plan
     * made once by {@link #template} serves every request of the same document through {@link #bind}.
     */
    public record Plan(List<List<SubgraphCall>> stages) {
        public int callCount() {
            return stages.stream().mapToInt(List::size).sum();
        }

        /** The plan with the request's variables: each call and fetch gets the values of the variables it uses. */
        public Plan bind(Map<String, Object> requestVariables) {
            Map<String, Object> values = requestVariables == null ? Map.of() : requestVariables;
            return new Plan(stages.stream().map(stage -> stage.stream().map(call -> call.bind(values)).toList()).toList());
        }
    }

    private QueryPlanner() {
    }

    /**
     * The plan of an operation whatever its variables' values: each call's and fetch's {@code variables} hold the
     * names it uses (with placeholder values); {@link Plan#bind} puts in the values of a request.
     */
    public static Plan template(Document document, OperationDefinition operation, ComposedSchema schema) {
        Map<String, Object> declared = new LinkedHashMap<>();
        operation.getVariableDefinitions().forEach(v -> declared.put(v.getName(), Boolean.TRUE));
        return plan(document, operation, declared, schema);
    }

    /** The request's values of {@code names}, in that order; a variable the request leaves out stays out. */
    static Map<String, Object> select(Map<String, Object> requestVariables, Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            if (requestVariables.containsKey(name)) {
                selected.put(name, requestVariables.get(name));
            }
        }
        return selected;
    }

    /**
     * The operation as the client wrote it, with the fragments it uses and nothing else, when one subgraph answers it
     * whole and its answer can go to the client as it comes: {@code plan} is one call with no entity fetch, and no
     * field at the operation's root is the gateway's own ({@code __typename}, {@code __schema}, {@code __type}); else
     * null. Unlike the plan's query, no {@code __typename} is added: the answer holds exactly what the client asked.
     */
    public static String passThroughQuery(Document document, OperationDefinition operation, Plan plan) {
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION || plan.stages().size() != 1
                || plan.stages().get(0).size() != 1 || !plan.stages().get(0).get(0).fetches().isEmpty()) {
            return null;
        }
        Map<String, FragmentDefinition> fragments = fragments(document);
        List<Field> rootFields = new ArrayList<>();
        flattenRoot(operation.getSelectionSet(), List.of(), fragments, rootFields);
        if (rootFields.stream().anyMatch(field -> field.getName().startsWith("__"))) {
            return null;
        }
        Set<String> usedFragments = new LinkedHashSet<>();
        collectUses(operation, fragments, usedFragments, new LinkedHashSet<>());
        List<Definition> definitions = new ArrayList<>();
        definitions.add(operation);
        usedFragments.forEach(name -> definitions.add(fragments.get(name)));
        return AstPrinter.printAstCompact(Document.newDocument().definitions(definitions).build());
    }

    private static Map<String, FragmentDefinition> fragments(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        return fragments;
    }

    public static Plan plan(Document document, OperationDefinition operation, Map<String, Object> variables,
                            ComposedSchema schema) {
        Map<String, FragmentDefinition> fragments = fragments(document);
        String rootType = switch (operation.getOperation()) {
            case QUERY -> "Query";
            case MUTATION -> "Mutation";
            case SUBSCRIPTION -> "Subscription";
        };
        List<Field> rootFields = new ArrayList<>();
        flattenRoot(operation.getSelectionSet(), List.of(), fragments, rootFields);

        List<List<Field>> groups = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        boolean ordered = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        for (Field field : rootFields) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            String owner = schema.ownerOf(rootType, field.getName())
                    .orElseThrow(() -> new IllegalArgumentException("no subgraph owns " + rootType + "." + field.getName()));
            int index = ordered ? (owners.isEmpty() || !owners.get(owners.size() - 1).equals(owner) ? -1 : owners.size() - 1)
                    : owners.indexOf(owner);
            if (index < 0) {
                owners.add(owner);
                groups.add(new ArrayList<>());
                index = owners.size() - 1;
            }
            groups.get(index).add(field);
        }

        EntitySplitter splitter = new EntitySplitter(schema, operation, fragments, variables);
        List<SubgraphCall> calls = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            calls.add(call(owners.get(i), rootType, operation, groups.get(i), fragments, variables, splitter, schema));
        }
        List<List<SubgraphCall>> stages = new ArrayList<>();
        if (ordered) {
            calls.forEach(call -> stages.add(List.of(call)));
        } else if (!calls.isEmpty()) {
            stages.add(calls);
        }
        return new Plan(stages);
    }

    /** Root selections as fields; root-level fragments are expanded, their directives carried to their fields. */
    private static void flattenRoot(SelectionSet selectionSet, List<Directive> inherited,
                                    Map<String, FragmentDefinition> fragments, List<Field> out) {
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                out.add(inherited.isEmpty() ? field : field.transform(b -> b.directives(concat(inherited, field.getDirectives()))));
            } else if (selection instanceof InlineFragment inline) {
                flattenRoot(inline.getSelectionSet(), concat(inherited, inline.getDirectives()), fragments, out);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                flattenRoot(fragment.getSelectionSet(), concat(inherited, spread.getDirectives()), fragments, out);
            }
        }
    }

    private static List<Directive> concat(List<Directive> a, List<Directive> b) {
        List<Directive> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static SubgraphCall call(String subgraph, String rootType, OperationDefinition operation, List<Field> fields,
                                     Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                                     EntitySplitter splitter, ComposedSchema schema) {
        List<EntityFetch> fetches = new ArrayList<>();
        List<Field> sent = new ArrayList<>();
        for (Field field : fields) {
            Field split = field;
            if (field.getSelectionSet() != null && !field.getName().startsWith("__")) {
                String type = graphql.schema.GraphQLTypeUtil.unwrapAll(
                        schema.schema().getObjectType(rootType).getFieldDefinition(field.getName()).getType()).getName();
                SelectionSet selection = splitter.split(subgraph, type, field.getSelectionSet(),
                        List.of(field.getResultKey()), fetches);
                split = field.transform(b -> b.selectionSet(selection));
            }
            sent.add((Field) withTypename(split));
        }
        Set<String> usedFragments = new LinkedHashSet<>();
        Set<String> usedVariables = new LinkedHashSet<>();
        sent.forEach(f -> collectUses(f, fragments, usedFragments, usedVariables));

        List<VariableDefinition> variableDefinitions = operation.getVariableDefinitions().stream()
                .filter(v -> usedVariables.contains(v.getName())).toList();
        List<Definition> definitions = new ArrayList<>();
        definitions.add(OperationDefinition.newOperationDefinition()
                .name(operation.getName())
                .operation(operation.getOperation())
                .variableDefinitions(variableDefinitions)
                .selectionSet(SelectionSet.newSelectionSet(new ArrayList<>(sent)).build())
                .build());
        for (String name : usedFragments) {
            FragmentDefinition fragment = fragments.get(name);
            definitions.add(fragment.transform(b -> b.selectionSet(withTypename(fragment.getSelectionSet()))));
        }
        Map<String, Object> sentVariables = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (usedVariables.contains(name)) {
                    sentVariables.put(name, value);
                }
            });
        }
        String query = AstPrinter.printAstCompact(Document.newDocument().definitions(definitions).build());
        return new SubgraphCall(subgraph, query, sentVariables, fields.stream().map(Field::getResultKey).toList(),
                fields.stream().map(Field::getName).toList(), List.copyOf(fetches));
    }

    private static Selection<?> withTypename(Selection<?> selection) {
        if (selection instanceof Field field && field.getSelectionSet() != null) {
            return field.transform(b -> b.selectionSet(withTypename(field.getSelectionSet())));
        }
        if (selection instanceof InlineFragment inline) {
            return inline.transform(b -> b.selectionSet(withTypename(inline.getSelectionSet())));
        }
        return selection;
    }

    static SelectionSet withTypename(SelectionSet selectionSet) {
        List<Selection> selections = new ArrayList<>();
        boolean hasTypename = false;
        for (Selection<?> selection : selectionSet.getSelections()) {
            selections.add(withTypename(selection));
            if (selection instanceof Field f && f.getName().equals("__typename") && f.getAlias() == null) {
                hasTypename = true;
            }
        }
        if (!hasTypename) {
            selections.add(Field.newField("__typename").build());
        }
        return SelectionSet.newSelectionSet(selections).build();
    }

    /** The fragments and variables {@code node} uses, fragments followed where they are spread. */
    public static void collectUses(Node<?> node, Map<String, FragmentDefinition> fragments, Set<String> usedFragments,
                                    Set<String> usedVariables) {
        if (node instanceof VariableReference variable) {
            usedVariables.add(variable.getName());
        } else if (node instanceof FragmentSpread spread && usedFragments.add(spread.getName())) {
            collectUses(fragments.get(spread.getName()), fragments, usedFragments, usedVariables);
        }
        for (Node<?> child : node.getChildren()) {
            collectUses(child, fragments, usedFragments, usedVariables);
        }
    }
}
