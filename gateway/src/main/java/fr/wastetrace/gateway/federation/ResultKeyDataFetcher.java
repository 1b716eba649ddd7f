package fr.wastetrace.gateway.federation;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/**
 * Reads a field from the subgraph's answer, which is keyed by the client's alias when there is one: the gateway
 * shapes the response from data the subgraphs already resolved.
 */
final class ResultKeyDataFetcher implements DataFetcher<Object> {
    static final ResultKeyDataFetcher INSTANCE = new ResultKeyDataFetcher();

    @Override
    public Object get(DataFetchingEnvironment environment) {
        Object source = environment.getSource();
        if (source instanceof Map<?, ?> map) {
            return map.get(environment.getField().getResultKey());
        }
        return null;
    }
}
