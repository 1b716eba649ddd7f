package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.persistence.BsdRecord;

/** The allowed actions of a type stored in a document table: its signature steps read the document. */
public abstract class DocumentActions<D, E extends Enum<E>> implements BsdActions<D, D, E> {

    @Override
    public D subject(BsdRecord<D> record) {
        return record.data;
    }
}
