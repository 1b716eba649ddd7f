package fr.wastetrace.webhook.bsd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@link BsdParties} bean of each aggregate type; events of other aggregates are not BSD changes. */
@ApplicationScoped
public class BsdTypes {
    private final Map<String, BsdParties> byAggregateType = new HashMap<>();

    @Inject
    public BsdTypes(Instance<BsdParties> types) {
        for (BsdParties type : types) {
            if (byAggregateType.put(type.aggregateType(), type) != null) {
                throw new IllegalStateException("two BsdParties beans for " + type.aggregateType());
            }
        }
    }

    public Optional<BsdParties> of(String aggregateType) {
        return Optional.ofNullable(byAggregateType.get(aggregateType));
    }
}
