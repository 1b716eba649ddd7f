package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The register mapping of one BSD type: which events of the BSD topic it projects, and the lines of a state. One CDI
 * bean per type; the projection picks it by the event's aggregate type.
 */
public interface RegisterMapper {
    /** The {@code aggregateType} of the type's events ({@code bsdd}, {@code bsvhu}, …). */
    String aggregateType();

    /** The event type whose payload is the BSD's full state after a change. */
    String upsertedType();

    /** The event type of a deletion: the BSD leaves every register. */
    String deletedType();

    /**
     * The lines of one state of the BSD {@code bsdId}; none for a draft or a deleted BSD.
     *
     * @throws UnmappableStateException when the state cannot give lines (retrying will not help)
     */
    List<RegisterLine> lines(String bsdId, JsonNode state);
}
