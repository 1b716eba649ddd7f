package fr.wastetrace.bsd.core.mutation;

import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.BsdStore;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.DocumentTable;

import java.util.Set;

/** A BSD type stored in a document table of the core ({@link DocumentTable}): its store and contributors follow. */
public interface DocumentType<D> extends BsdType<D> {

    DocumentTable<D> table();

    @Override
    default BsdStore<D> store(DocumentStore documents) {
        return documents.of(table());
    }

    @Override
    default Set<String> contributors(BsdRecord<D> record) {
        return table().contributors().apply(record.data);
    }
}
