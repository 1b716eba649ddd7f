package fr.wastetrace.gateway.federation;

import graphql.schema.GraphQLSchema;

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
 */
public record ComposedSchema(GraphQLSchema schema, String sdl, Map<String, String> rootOwners, Set<String> subgraphs) {

    public Optional<String> ownerOf(String rootType, String field) {
        return Optional.ofNullable(rootOwners.get(rootType + "." + field));
    }
}
