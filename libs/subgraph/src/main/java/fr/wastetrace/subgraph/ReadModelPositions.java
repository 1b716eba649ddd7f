package fr.wastetrace.subgraph;

import java.util.Collection;
import java.util.Map;

/**
 * A read model fed by an event stream, as read-your-writes sees it: a subgraph that keeps one declares a bean of this
 * type, and {@link ReadModelCatchUp} holds back the requests of a caller whose own writes it has not applied yet.
 */
public interface ReadModelPositions {
    /** Whether this read model is fed by the aggregate a {@link fr.wastetrace.identity.WrittenPositions} key names. */
    boolean follows(String key);

    /** The version it holds of each of {@code keys} (all followed); a key it never received is absent. */
    Map<String, Long> applied(Collection<String> keys);
}
