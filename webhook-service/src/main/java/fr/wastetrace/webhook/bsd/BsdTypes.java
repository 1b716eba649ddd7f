package fr.wastetrace.webhook.bsd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link BsdParties} of each aggregate type: the beans (the BSDD's) and the core types' {@link FieldParties}; events of
 * other aggregates are not BSD changes.
 */
@ApplicationScoped
public class BsdTypes {
    private final Map<String, BsdParties> byAggregateType = new HashMap<>();

    @Inject
    public BsdTypes(Instance<BsdParties> types) {
        for (BsdParties type : types) {
            register(type);
        }
        FieldParties.CORE_TYPES.forEach(this::register);
    }

    private void register(BsdParties type) {
        if (byAggregateType.put(type.aggregateType(), type) != null) {
            throw new IllegalStateException("two BsdParties for " + type.aggregateType());
        }
    }

    public Optional<BsdParties> of(String aggregateType) {
        return Optional.ofNullable(byAggregateType.get(aggregateType));
    }
}
