package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links between containers of different BSFFs: a container of a follow-up BSFF names the containers it takes
 * over ({@code previousPackagingIds}, derived column {@code previous_packaging_ids}); a container is found by its id
 * through {@code packaging_ids}. Deleted BSFFs hold no container.
 */
@ApplicationScoped
public class BsffLinks {
    @Inject
    Jdbc jdbc;

    /** A container and the BSFF holding it. */
    public record Held(Bsff bsff, BsffPackaging packaging) {
    }

    /** The containers of {@code ids} that exist, by id. */
    public Map<String, Held> find(Collection<String> ids) {
        Map<String, Held> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Bsff b : bsffs("packaging_ids && ?", new SqlFilter.TextArray(List.copyOf(ids)))) {
            for (BsffPackaging p : b.packagings) {
                if (ids.contains(p.id)) {
                    found.put(p.id, new Held(b, p));
                }
            }
        }
        return found;
    }

    public Optional<Held> find(String id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    /** The container of a later BSFF that took {@code packagingId} over, if any. */
    public Optional<Held> next(String packagingId) {
        for (Bsff b : bsffs("previous_packaging_ids @> ?", new SqlFilter.TextArray(List.of(packagingId)))) {
            for (BsffPackaging p : b.packagings) {
                if (p.previousPackagingIds.contains(packagingId)) {
                    return Optional.of(new Held(b, p));
                }
            }
        }
        return Optional.empty();
    }

    /** The chain of containers that took {@code packagingId} over, nearest first. */
    public List<Held> nextChain(String packagingId) {
        List<Held> chain = new ArrayList<>();
        Optional<Held> next = next(packagingId);
        while (next.isPresent() && chain.size() < 20) {
            chain.add(next.get());
            next = next(next.get().packaging().id);
        }
        return chain;
    }

    /** The last container that took {@code p} over downstream, {@code p} itself when none did. */
    public BsffPackaging last(BsffPackaging p) {
        List<Held> chain = nextChain(p.id);
        return chain.isEmpty() ? p : chain.get(chain.size() - 1).packaging();
    }

    private List<Bsff> bsffs(String condition, Object param) {
        return jdbc.query("select data from bsff where not is_deleted and " + condition, List.of(param),
                rs -> read(rs.getString(1), Bsff.class));
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
