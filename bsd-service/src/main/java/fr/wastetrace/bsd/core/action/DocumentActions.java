package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;

import java.util.Set;

/**
 * The allowed actions of a type stored in a document table: its descriptor, its signature steps (which read the
 * document) and its table; the type adds {@link #canMove} as its sign mutation checks the table.
 */
public abstract class DocumentActions<D, E extends Enum<E>> implements BsdActions<D, D, E> {
    private final BsdType<D> type;
    private final SignatureSteps<D, E> steps;
    private final Set<String> signableStatuses;

    protected DocumentActions(BsdType<D> type, SignatureSteps<D, E> steps, TransitionTable<?, E, ?> table) {
        this.type = type;
        this.steps = steps;
        this.signableStatuses = steps.signableStatuses(table);
    }

    @Override
    public BsdType<D> type() {
        return type;
    }

    @Override
    public SignatureSteps<D, E> signatureSteps() {
        return steps;
    }

    @Override
    public D subject(BsdRecord<D> record) {
        return record.data;
    }

    @Override
    public Set<String> signableStatuses() {
        return signableStatuses;
    }
}
