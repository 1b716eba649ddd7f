package fr.wastetrace.gateway.federation;

import java.util.List;
import java.util.Map;

/**
 * A second-hop request of a plan: the objects of type {@code type} found at {@code path} in a previous answer are
 * turned into representations (their {@code __typename} and key fields, requested from the previous subgraph under
 * {@link #KEY_ALIAS_PREFIX} aliases) and sent to {@code subgraph} in ONE {@code _entities} call, however many objects
 * there are; its answer is merged into those objects, then the {@code nested} fetches run on them.
 *
 * @param path      response keys from the object the fetch starts from down to the entity objects (lists are crossed)
 * @param query     the {@code _entities} query, its selection wrapped in {@code ... on <type>}
 * @param variables the client's variables that selection uses
 * @param fields    the response keys the fetch fills in (set to null on each object when the subgraph fails)
 */
public record EntityFetch(List<String> path, String type, String subgraph, List<String> keyFields, String query,
                          Map<String, Object> variables, List<String> fields, List<EntityFetch> nested) {
    /** Alias under which the gateway asks the previous subgraph for a key field, so that it never clashes with the client's. */
    public static final String KEY_ALIAS_PREFIX = "_wtKey_";

    /** This fetch (and its nested ones) with the request's values of the variables it uses. */
    public EntityFetch bind(Map<String, Object> requestVariables) {
        return new EntityFetch(path, type, subgraph, keyFields, query, QueryPlanner.select(requestVariables, variables.keySet()),
                fields, nested.stream().map(f -> f.bind(requestVariables)).toList());
    }
}
