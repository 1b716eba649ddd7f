package fr.wastetrace.bsd.core.mutation;

import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;

import java.util.Set;

/**
 * What a BSD type tells the core's mutation pipeline ({@link BsdPipeline}): where its documents live, which
 * companies may do what, and how its events are named. Its lifecycle table, validation and signatures are used by
 * the type's own steps through {@link Mutation}.
 */
public interface BsdType<D> {

    DocumentTable<D> table();

    EventMapping events();

    /** The org ids whose members (with the verb's permission) may do {@code verb} on the BSD. */
    Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<D> record);

    /** The French refusal when the caller may see the BSD but not do {@code verb}. */
    String refusal(Verb verb, BsdRecord<D> record);

    /** The type's events: aggregate type, event names and payload schema version. */
    record EventMapping(String aggregateType, String upserted, String deleted, int schemaVersion) {
    }
}
