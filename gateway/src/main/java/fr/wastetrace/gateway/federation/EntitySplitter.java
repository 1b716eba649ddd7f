package fr.wastetrace.gateway.federation;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes out of a selection sent to one subgraph the fields of entities that another subgraph resolves, asks the
 * first subgraph for the entities' keys instead, and describes the {@code _entities} fetch that will fill those fields
 * in, once per path however many objects the first answer holds (no call per item). Applied again to each fetch's own
 * selection, so that a chain of subgraphs is followed.
 */
final class EntitySplitter {
    static final String REPRESENTATIONS = "_wtRepresentations";

    private final ComposedSchema schema;
    private final OperationDefinition operation;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    EntitySplitter(ComposedSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                   Map<String, Object> variables) {
        this.schema = schema;
        this.operation = operation;
        this.fragments = fragments;
        this.variables = variables == null ? Map.of() : variables;
    }

    /**
     * The selection to send to {@code subgraph} for a value of {@code parentType} found at {@code path}; the fetches
     * its foreign fields need are added to {@code fetches}.
     */
    SelectionSet split(String subgraph, String parentType, SelectionSet selectionSet, List<String> path,
                       List<EntityFetch> fetches) {
        List<Selection> kept = new ArrayList<>();
        Map<String, List<Field>> foreign = new LinkedHashMap<>();
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                Optional<String> other = field.getName().startsWith("__") || !isObject(parentType) ? Optional.empty()
                        : schema.foreignResolver(parentType, field.getName(), subgraph);
                if (other.isPresent()) {
                    foreign.computeIfAbsent(other.get(), s -> new ArrayList<>()).add(field);
                } else if (field.getSelectionSet() != null && !field.getName().startsWith("__")) {
                    SelectionSet inner = split(subgraph, fieldType(parentType, field.getName()), field.getSelectionSet(),
                            append(path, field.getResultKey()), fetches);
                    kept.add(field.transform(b -> b.selectionSet(inner)));
                } else {
                    kept.add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                String type = inline.getTypeCondition() != null ? inline.getTypeCondition().getName() : parentType;
                SelectionSet inner = split(subgraph, type, inline.getSelectionSet(), path, fetches);
                kept.add(inline.transform(b -> b.selectionSet(inner)));
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                List<EntityFetch> inside = new ArrayList<>();
                SelectionSet inner = split(subgraph, fragment.getTypeCondition().getName(), fragment.getSelectionSet(),
                        path, inside);
                if (inside.isEmpty()) {
                    kept.add(spread);
                } else {
                    // The fragment loses fields here only: it is inlined, so its other uses keep the whole of it.
                    fetches.addAll(inside);
                    kept.add(InlineFragment.newInlineFragment().typeCondition(fragment.getTypeCondition())
                            .directives(spread.getDirectives()).selectionSet(inner).build());
                }
            }
        }
        foreign.forEach((other, fields) -> {
            List<String> keys = schema.keyOf(parentType, other);
            keys.forEach(key -> kept.add(Field.newField(key).alias(EntityFetch.KEY_ALIAS_PREFIX + key).build()));
            fetches.add(fetch(other, parentType, keys, fields, path));
        });
        return SelectionSet.newSelectionSet(kept).build();
    }

    private EntityFetch fetch(String subgraph, String type, List<String> keys, List<Field> fields, List<String> path) {
        List<EntityFetch> nested = new ArrayList<>();
        SelectionSet selection = QueryPlanner.withTypename(
                split(subgraph, type, SelectionSet.newSelectionSet(new ArrayList<>(fields)).build(), List.of(), nested));
        Set<String> usedFragments = new LinkedHashSet<>();
        Set<String> usedVariables = new LinkedHashSet<>();
        QueryPlanner.collectUses(selection, fragments, usedFragments, usedVariables);

        List<VariableDefinition> definitions = new ArrayList<>();
        definitions.add(VariableDefinition.newVariableDefinition(REPRESENTATIONS,
                NonNullType.newNonNullType(ListType.newListType(NonNullType.newNonNullType(new TypeName("_Any")).build())
                        .build()).build()).build());
        operation.getVariableDefinitions().stream().filter(v -> usedVariables.contains(v.getName())).forEach(definitions::add);
        Field entities = Field.newField("_entities")
                .arguments(List.of(Argument.newArgument("representations", new VariableReference(REPRESENTATIONS)).build()))
                .selectionSet(SelectionSet.newSelectionSet(List.of(InlineFragment.newInlineFragment()
                        .typeCondition(new TypeName(type)).selectionSet(selection).build())).build())
                .build();
        List<Definition> document = new ArrayList<>();
        document.add(OperationDefinition.newOperationDefinition().operation(OperationDefinition.Operation.QUERY)
                .variableDefinitions(definitions).selectionSet(SelectionSet.newSelectionSet(List.of(entities)).build()).build());
        for (String name : usedFragments) {
            FragmentDefinition fragment = fragments.get(name);
            document.add(fragment.transform(b -> b.selectionSet(QueryPlanner.withTypename(fragment.getSelectionSet()))));
        }
        Map<String, Object> sentVariables = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (usedVariables.contains(name)) {
                sentVariables.put(name, value);
            }
        });
        return new EntityFetch(path, type, subgraph, keys,
                AstPrinter.printAstCompact(Document.newDocument().definitions(document).build()), sentVariables,
                fields.stream().map(Field::getResultKey).toList(), nested);
    }

    private boolean isObject(String type) {
        return schema.schema().getType(type) instanceof GraphQLObjectType;
    }

    private String fieldType(String parentType, String field) {
        if (schema.schema().getType(parentType) instanceof GraphQLFieldsContainer container) {
            GraphQLFieldDefinition definition = container.getFieldDefinition(field);
            if (definition != null) {
                return GraphQLTypeUtil.unwrapAll(definition.getType()).getName();
            }
        }
        throw new IllegalArgumentException("no field " + parentType + "." + field + " in the composed schema");
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }
}
