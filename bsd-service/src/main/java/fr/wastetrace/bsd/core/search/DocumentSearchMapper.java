package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.function.Function;

/**
 * The part of {@link BsdSearchMapper} every type stored by the core ({@link DocumentStore}) shares: the draft's
 * companies read from its table, and a state turned back into the type's GraphQL object by its own view. The type
 * gives its table and view to the constructor, and writes its entry (tabs) and its read.
 */
public abstract class DocumentSearchMapper<D> implements BsdSearchMapper {
    @Inject
    DocumentStore store;

    private final DocumentTable<D> table;
    private final Function<BsdRecord<D>, ? extends Bsd> view;

    protected DocumentSearchMapper(DocumentTable<D> table, Function<BsdRecord<D>, ? extends Bsd> view) {
        this.table = table;
        this.view = view;
    }

    @Override
    public Set<String> draftAccess(String id) {
        return store.find(table, id).map(r -> r.draftAccessOrgIds).orElse(Set.of());
    }

    @Override
    public Bsd node(JsonNode state) {
        return view.apply(BsdSearchMapper.record(state, table.documentClass()));
    }
}
