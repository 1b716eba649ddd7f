package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The part of {@link BsdSearchMapper} every type stored by the core ({@link DocumentStore}) shares: its events'
 * aggregate type, the draft's companies read from its table, a state turned back into the type's GraphQL object by its
 * own view, and the read of one BSD through the pipeline (its permission check). The type gives its descriptor and
 * view to the constructor, and writes its entry (tabs).
 */
public abstract class DocumentSearchMapper<D> implements BsdSearchMapper {
    @Inject
    DocumentStore store;
    @Inject
    Jdbc jdbc;
    @Inject
    BsdPipeline pipeline;

    private final DocumentType<D> type;
    private final DocumentTable<D> table;
    private final Function<BsdRecord<D>, ? extends Bsd> view;

    protected DocumentSearchMapper(DocumentType<D> type, Function<BsdRecord<D>, ? extends Bsd> view) {
        this.type = type;
        this.table = type.table();
        this.view = view;
    }

    @Override
    public String aggregateType() {
        return type.events().aggregateType();
    }

    @Override
    public Bsd read(CallerIdentity caller, String id) {
        return view.apply(pipeline.read(type, caller, id));
    }

    @Override
    public Set<String> draftAccess(String id) {
        return store.find(table, id).map(r -> r.draftAccessOrgIds).orElse(Set.of());
    }

    @Override
    public List<String> unindexed(int limit) {
        return jdbc.query("select id from " + table.name() + " t where not is_deleted and not exists (select 1 "
                + "from bsd_search s where s.id = t.id) order by row_number limit ?", List.of(limit), rs -> rs.getString(1));
    }

    @Override
    public Optional<JsonNode> lockedState(String id) {
        return store.findForUpdate(table, id).filter(r -> !r.isDeleted).map(r -> (JsonNode) BsdPipeline.payload(r));
    }

    @Override
    public Bsd node(JsonNode state) {
        return view.apply(BsdSearchMapper.record(state, table.documentClass()));
    }
}
