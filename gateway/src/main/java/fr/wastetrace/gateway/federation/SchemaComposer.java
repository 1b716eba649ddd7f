package fr.wastetrace.gateway.federation;

import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes the subgraphs' SDLs ({@code _service { sdl }}) into the one public schema.
 *
 * <p>Root fields are united (each owned by one subgraph; a field declared by two subgraphs is an error). A type
 * declared by several subgraphs is merged field by field. Federation plumbing ({@code _service}, {@code _entities},
 * {@code _Any}, the federation directives and scalars) and types no public field reaches are left out, so that clients
 * see the API, not its assembly.
 *
 * <p>Entities: a type with {@code @key(fields: "...")} in a subgraph can be fetched from that subgraph by its key
 * ({@code _entities}). A field declared {@code @external} is one the subgraph only refers to; every other field is
 * resolved by the subgraph that declares it. The composition records both, so that the planner can send the fields a
 * subgraph does not resolve to the one that does.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class SchemaComposer {
    static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");
    private static final Set<String> FEDERATION_FIELDS = Set.of("_service", "_entities");
    private static final Set<String> FEDERATION_TYPES = Set.of("_Service", "_Entity", "_Any", "FieldSet", "Import",
            "Purpose", "Policy", "Scope", "link__Import", "link__Purpose", "federation__FieldSet", "_FieldSet");
    private static final Set<String> KEPT_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf");
    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

    private SchemaComposer() {
    }

    public static final class CompositionException extends RuntimeException {
        CompositionException(String message) {
            super(message);
        }
    }

    /** @param sdlBySubgraph subgraph name → its SDL, in a stable order (the order of root fields follows it) */
    public static ComposedSchema compose(Map<String, String> sdlBySubgraph) {
        Map<String, Map<String, FieldDefinition>> rootFields = new LinkedHashMap<>();
        Map<String, String> rootOwners = new LinkedHashMap<>();
        Map<String, TypeDefinition> types = new LinkedHashMap<>();
        Map<String, String> typeOrigin = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> entityKeys = new LinkedHashMap<>();
        Map<String, Set<String>> fieldResolvers = new LinkedHashMap<>();

        sdlBySubgraph.forEach((subgraph, sdl) -> {
            TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
            List<TypeDefinition> definitions = new ArrayList<>(registry.types().values());
            definitions.addAll(registry.scalars().values());
            registry.objectTypeExtensions().values().forEach(definitions::addAll);
            for (TypeDefinition definition : definitions) {
                String name = definition.getName();
                if (FEDERATION_TYPES.contains(name) || BUILT_IN_SCALARS.contains(name)) {
                    continue;
                }
                if (ROOT_TYPES.contains(name) && definition instanceof ObjectTypeDefinition root) {
                    Map<String, FieldDefinition> fields = rootFields.computeIfAbsent(name, n -> new LinkedHashMap<>());
                    for (FieldDefinition field : root.getFieldDefinitions()) {
                        if (FEDERATION_FIELDS.contains(field.getName())) {
                            continue;
                        }
                        String key = name + "." + field.getName();
                        String previous = rootOwners.putIfAbsent(key, subgraph);
                        if (previous != null) {
                            throw new CompositionException(key + " is declared by both " + previous + " and " + subgraph);
                        }
                        fields.put(field.getName(), clean(field));
                    }
                    continue;
                }
                if (definition instanceof ObjectTypeDefinition object) {
                    recordEntity(subgraph, object, entityKeys, fieldResolvers);
                }
                TypeDefinition cleaned = clean(definition);
                TypeDefinition existing = types.get(name);
                if (existing == null) {
                    types.put(name, cleaned);
                    typeOrigin.put(name, subgraph);
                } else if (existing instanceof ObjectTypeDefinition a && cleaned instanceof ObjectTypeDefinition b) {
                    types.put(name, mergeObjects(a, b, typeOrigin.get(name), subgraph));
                }
            }
        });

        rootFields.forEach((name, fields) -> types.put(name, ObjectTypeDefinition.newObjectTypeDefinition()
                .name(name).fieldDefinitions(new ArrayList<>(fields.values())).build()));
        if (!types.containsKey("Query")) {
            throw new CompositionException("no subgraph declares a query");
        }
        Map<String, TypeDefinition> reachable = reachableFromRoots(types);

        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        reachable.values().forEach(registry::add);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .codeRegistry(graphql.schema.GraphQLCodeRegistry.newCodeRegistry()
                        .defaultDataFetcher(env -> ResultKeyDataFetcher.INSTANCE));
        TypeResolver byTypename = env -> {
            Object value = env.getObject();
            if (value instanceof Map<?, ?> map && map.get("__typename") instanceof String typename) {
                return env.getSchema().getObjectType(typename);
            }
            return null;
        };
        for (TypeDefinition definition : reachable.values()) {
            if (definition instanceof ScalarTypeDefinition scalar) {
                wiring.scalar(PassThroughScalars.scalar(scalar.getName(),
                        scalar.getDescription() == null ? null : scalar.getDescription().getContent()));
            } else if (definition instanceof InterfaceTypeDefinition || definition instanceof UnionTypeDefinition) {
                wiring.type(TypeRuntimeWiring.newTypeWiring(definition.getName()).typeResolver(byTypename));
            }
        }
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
        String sdl = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false)
                .includeScalarTypes(true).includeSchemaDefinition(false)).print(schema);
        return new ComposedSchema(schema, sdl, Map.copyOf(rootOwners), new LinkedHashSet<>(sdlBySubgraph.keySet()),
                Map.copyOf(entityKeys), Map.copyOf(fieldResolvers));
    }

    private static void recordEntity(String subgraph, ObjectTypeDefinition object,
                                     Map<String, Map<String, List<String>>> entityKeys, Map<String, Set<String>> fieldResolvers) {
        for (Directive key : object.getDirectives("key")) {
            if (key.getArgument("fields") == null
                    || !(key.getArgument("fields").getValue() instanceof graphql.language.StringValue fields)) {
                throw new CompositionException(object.getName() + " in " + subgraph + " has a @key without fields");
            }
            List<String> names = List.of(fields.getValue().trim().split("\\s+"));
            if (names.stream().anyMatch(n -> !n.matches("[_A-Za-z][_0-9A-Za-z]*"))) {
                throw new CompositionException(object.getName() + " in " + subgraph + ": only keys made of plain fields "
                        + "are supported, not \"" + fields.getValue() + "\"");
            }
            entityKeys.computeIfAbsent(object.getName(), n -> new LinkedHashMap<>()).putIfAbsent(subgraph, names);
        }
        for (FieldDefinition field : object.getFieldDefinitions()) {
            if (field.getDirectives("external").isEmpty()) {
                fieldResolvers.computeIfAbsent(object.getName() + "." + field.getName(), n -> new LinkedHashSet<>()).add(subgraph);
            }
        }
    }

    private static ObjectTypeDefinition mergeObjects(ObjectTypeDefinition a, ObjectTypeDefinition b, String aOrigin,
                                                     String bOrigin) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        a.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
        for (FieldDefinition field : b.getFieldDefinitions()) {
            FieldDefinition existing = fields.putIfAbsent(field.getName(), field);
            if (existing != null && !existing.getType().isEqualTo(field.getType())) {
                throw new CompositionException(a.getName() + "." + field.getName() + " has type "
                        + typeText(existing.getType()) + " in " + aOrigin + " but " + typeText(field.getType()) + " in " + bOrigin);
            }
        }
        return a.transform(builder -> builder.fieldDefinitions(new ArrayList<>(fields.values())));
    }

    /** Keeps only the types that a root field reaches, so that no plumbing type shows in the public schema. */
    private static Map<String, TypeDefinition> reachableFromRoots(Map<String, TypeDefinition> types) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String root : ROOT_TYPES) {
            if (types.containsKey(root)) {
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name) || !types.containsKey(name)) {
                continue;
            }
            TypeDefinition definition = types.get(name);
            List<Type> references = new ArrayList<>();
            if (definition instanceof ObjectTypeDefinition o) {
                o.getImplements().forEach(references::add);
                o.getFieldDefinitions().forEach(f -> collect(f, references));
                // Types implementing a reachable interface are reachable too (handled when the interface is seen).
            } else if (definition instanceof InterfaceTypeDefinition i) {
                i.getFieldDefinitions().forEach(f -> collect(f, references));
                types.values().stream().filter(t -> t instanceof ObjectTypeDefinition o && o.getImplements().stream()
                                .anyMatch(impl -> unwrap(impl).equals(name)))
                        .forEach(t -> queue.add(t.getName()));
            } else if (definition instanceof UnionTypeDefinition u) {
                references.addAll(u.getMemberTypes());
            } else if (definition instanceof InputObjectTypeDefinition in) {
                in.getInputValueDefinitions().forEach(v -> references.add(v.getType()));
            }
            references.forEach(t -> queue.add(unwrap(t)));
        }
        Map<String, TypeDefinition> kept = new LinkedHashMap<>();
        types.forEach((name, definition) -> {
            if (seen.contains(name)) {
                kept.put(name, definition);
            }
        });
        return kept;
    }

    private static void collect(FieldDefinition field, List<Type> references) {
        references.add(field.getType());
        field.getInputValueDefinitions().forEach(v -> references.add(v.getType()));
    }

    static String unwrap(Type type) {
        if (type instanceof NonNullType nn) {
            return unwrap(nn.getType());
        }
        if (type instanceof ListType list) {
            return unwrap(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static String typeText(Type type) {
        if (type instanceof NonNullType nn) {
            return typeText(nn.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + typeText(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    // ---- removal of federation directives (@key, @external, @shareable, ...) from every definition

    private static List<Directive> kept(List<Directive> directives) {
        return directives.stream().filter(d -> KEPT_DIRECTIVES.contains(d.getName())).toList();
    }

    private static FieldDefinition clean(FieldDefinition field) {
        return field.transform(b -> b.directives(kept(field.getDirectives()))
                .inputValueDefinitions(field.getInputValueDefinitions().stream().map(SchemaComposer::clean).toList()));
    }

    private static InputValueDefinition clean(InputValueDefinition value) {
        return value.transform(b -> b.directives(kept(value.getDirectives())));
    }

    private static TypeDefinition clean(TypeDefinition definition) {
        if (definition instanceof ObjectTypeDefinition o) {
            return ObjectTypeDefinition.newObjectTypeDefinition().name(o.getName()).description(o.getDescription())
                    .implementz(o.getImplements())
                    .fieldDefinitions(o.getFieldDefinitions().stream().map(SchemaComposer::clean).toList()).build();
        } else if (definition instanceof InterfaceTypeDefinition i) {
            return i.transform(b -> b.directives(kept(i.getDirectives()))
                    .definitions(i.getFieldDefinitions().stream().map(SchemaComposer::clean).toList()));
        } else if (definition instanceof InputObjectTypeDefinition in) {
            return in.transform(b -> b.directives(kept(in.getDirectives()))
                    .inputValueDefinitions(in.getInputValueDefinitions().stream().map(SchemaComposer::clean).toList()));
        } else if (definition instanceof EnumTypeDefinition e) {
            return e.transform(b -> b.directives(kept(e.getDirectives()))
                    .enumValueDefinitions(e.getEnumValueDefinitions().stream()
                            .map(v -> v.transform(vb -> vb.directives(kept(v.getDirectives())))).toList()));
        } else if (definition instanceof UnionTypeDefinition u) {
            return u.transform(b -> b.directives(kept(u.getDirectives())));
        } else if (definition instanceof ScalarTypeDefinition s) {
            return s.transform(b -> b.directives(kept(s.getDirectives())));
        }
        return definition;
    }
}
