package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;

import java.util.Optional;
import java.util.Set;

/**
 * What a BSD type declares for the actions its BSDs allow ({@code wastetraceAllowedActions}): one CDI bean per type.
 * Everything here is the type's own rule, also used by its mutations: the signature steps its sign mutation reads,
 * the table check it makes before signing, its descriptor's permission verbs and status refusals
 * ({@link BsdType#orgIdsAllowedTo}, {@link BsdType#updateRefusal}), its revision rule.
 *
 * @param <D> the type's document
 * @param <T> what its signature steps read: the document, or for the BSDD the record with its transporters
 * @param <E> the type's lifecycle events
 */
public interface BsdActions<D, T, E extends Enum<E>> {

    BsdType<D> type();

    /** The type's signature steps (the declaration its sign mutation uses). */
    SignatureSteps<T, E> signatureSteps();

    /** What the signature steps read of a BSD. */
    T subject(BsdRecord<D> record);

    /** Whether the type's table has a move for {@code event} from the BSD's status, as its sign mutation checks it. */
    boolean canMove(BsdRecord<D> record, E event);

    /**
     * The statuses from which the type's table has a move for one of its signature steps' events (the candidates of
     * {@code wastetraceBsdsAwaitingMySignature}, filtered in SQL before the steps are evaluated).
     */
    Set<String> signableStatuses();

    /** Whether the type has revision requests. */
    default boolean hasRevisions() {
        return false;
    }

    /**
     * Why the caller may not ask for a revision of the BSD now (French), empty when they may; only for a type that
     * {@link #hasRevisions()}.
     */
    default Optional<String> revisionRefusal(CallerCompanies companies, BsdRecord<D> record) {
        return Optional.of("Ce type de bordereau n'a pas de demande de révision.");
    }
}
