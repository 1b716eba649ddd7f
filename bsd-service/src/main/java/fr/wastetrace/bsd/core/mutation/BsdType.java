package fr.wastetrace.bsd.core.mutation;

import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.BsdStore;
import fr.wastetrace.bsd.core.persistence.DocumentStore;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What a BSD type tells the core's mutation pipeline ({@link BsdPipeline}): where its BSDs are stored, who sees them,
 * which companies may do what, and how its events are named. Its lifecycle table, validation and signatures are
 * used by the type's own steps through {@link Mutation}. The types stored in a document table implement
 * {@link DocumentType}.
 */
public interface BsdType<D> {

    /** The type's store; {@code documents} is the core's store of document tables. */
    BsdStore<D> store(DocumentStore documents);

    /** Every org id on the BSD (its contributors: who may see it once published). */
    Set<String> contributors(BsdRecord<D> record);

    /**
     * The org ids through which the BSD is seen: its contributors once published; while it is a draft, only the
     * creator's companies present on it when created.
     */
    default Collection<String> readers(BsdRecord<D> record) {
        return Visibility.readers(record, contributors(record));
    }

    EventMapping events();

    /** The org ids whose members (with the verb's permission) may do {@code verb} on the BSD. */
    Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<D> record);

    /** The French refusal when the caller may see the BSD but not do {@code verb}. */
    String refusal(Verb verb, BsdRecord<D> record);

    /**
     * Why the BSD may no longer be updated in its status ({@code FORBIDDEN}, French), whoever asks: the type's update
     * and its allowed actions both read it. Empty by default: the edition rules seal the fields step by step.
     */
    default Optional<String> updateRefusal(BsdRecord<D> record) {
        return Optional.empty();
    }

    /** The type's events: aggregate type, event names and payload schema version. */
    record EventMapping(String aggregateType, String upserted, String deleted, int schemaVersion) {
    }
}
