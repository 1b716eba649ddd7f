package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The register mapping of one BSD type: which events of the BSD topic it projects, and the lines of a state. One CDI
 * bean per type; the projection picks it by the event's aggregate type.
 */
public interface RegisterMapper {
    /** The type's events on the BSD topic. */
    BsdEvents events();

    /**
     * The lines of one state of the BSD {@code bsdId}; none for a draft or a deleted BSD.
     *
     * @throws UnmappableStateException when the state cannot give lines (retrying will not help)
     */
    List<RegisterLine> lines(String bsdId, JsonNode state);

    /**
     * @param aggregateType the events' {@code aggregateType} ({@code bsdd}, {@code bsvhu}, …)
     * @param upserted      the event type whose payload is the BSD's full state after a change
     * @param deleted       the event type of a deletion: the BSD leaves every register
     */
    record BsdEvents(String aggregateType, String upserted, String deleted) {
    }
}
