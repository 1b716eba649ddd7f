package fr.wastetrace.gateway.federation;

import graphql.schema.GraphQLSchema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public schema composed from the subgraphs' SDLs, and which subgraph owns each root field.
 *
 * @param schema     the executable schema clients see (validation, introspection, response shaping)
 * @param sdl        the composed schema in SDL, downloadable by clients
 * @param rootOwners owner subgraph of each root field, keyed {@code Query.form}, {@code Mutation.createForm}, ...
 * @param subgraphs  the subgraphs that took part in this composition
 * @param entityKeys     for each entity type, the subgraphs that can fetch it by key, with their key fields
 * @param fieldResolvers for each {@code Type.field} of an object type, the subgraphs that resolve it (not
 *                       {@code @external} there)
 */
public record ComposedSchema(GraphQLSchema schema, String sdl, Map<String, String> rootOwners, Set<String> subgraphs,
                             Map<String, Map<String, List<String>>> entityKeys, Map<String, Set<String>> fieldResolvers) {

    public Optional<String> ownerOf(String rootType, String field) {
        return Optional.ofNullable(rootOwners.get(rootType + "." + field));
    }

    /**
     * The subgraph to ask for {@code type.field} when {@code subgraph} does not resolve it itself: one that resolves
     * it and can fetch {@code type} by a key {@code subgraph} can give (fields it resolves, or those of its own
     * {@code @key}: a subgraph always returns the keys of the entities it refers to, even {@code @external} ones). Empty when {@code subgraph} resolves the field
     * (or nobody can do better).
     */
    public Optional<String> foreignResolver(String type, String field, String subgraph) {
        Set<String> resolvers = fieldResolvers.get(type + "." + field);
        Map<String, List<String>> keys = entityKeys.getOrDefault(type, Map.of());
        if (resolvers == null || resolvers.contains(subgraph) || keys.getOrDefault(subgraph, List.of()).contains(field)) {
            return Optional.empty();
        }
        return resolvers.stream().filter(keys::containsKey)
                .filter(r -> keys.get(r).stream().allMatch(k -> resolves(type, k, subgraph)
                        || keys.getOrDefault(subgraph, List.of()).contains(k)))
                .findFirst();
    }

    /** The key fields by which {@code subgraph} fetches {@code type}. */
    public List<String> keyOf(String type, String subgraph) {
        return entityKeys.getOrDefault(type, Map.of()).getOrDefault(subgraph, List.of());
    }

    private boolean resolves(String type, String field, String subgraph) {
        return fieldResolvers.getOrDefault(type + "." + field, Set.of()).contains(subgraph);
    }
}
