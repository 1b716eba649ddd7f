package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.mutation.Patches;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.TransporterRow;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The transporter mutations of a multimodal type ({@code create…Transporter}, {@code update…Transporter},
 * {@code delete…Transporter}): a transporter not attached yet changes alone in {@code bsd_transporter}; an attached one
 * changes through its BSD (update permission, the type's checks, status log and event), and never once it signed.
 */
@ApplicationScoped
public class TransporterMutations {
    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;

    private final Clock clock = Clock.systemUTC();

    /**
     * What a type tells about its transporters: its name in messages ("BSFF"), their class, where the document keeps
     * them, their id, whether one signed, and the checks after a change ({@code edited}: its fields changed, as
     * opposed to its removal) — typically normalising the document, the caller still on it, and the formats.
     */
    public record Side<D, T>(DocumentType<D> type, String typeName, Class<T> transporterClass,
                             Function<D, List<T>> transporters, Function<T, String> id, Predicate<T> signed,
                             BiConsumer<Mutation<D>, Boolean> afterChange) {
        String bsdType() {
            return type.table().bsdType();
        }

        T newTransporter() {
            return EventCodec.mapper().convertValue(Map.of("id", Ids.newId()), transporterClass);
        }

        ApiException notFound(String transporterId) {
            return new ApiException.BadUserInput("Le transporteur " + typeName + " avec l'identifiant \""
                    + transporterId + "\" n'existe pas.");
        }

        /**
         * The transporters a BSD has after its input: those {@code attach} gives for the input's {@code transporters}
         * ids when it has them, else {@code current}; then the input's single {@code transporter} written into the
         * first (a new transporter when there is none); at most five, and whoever signed among {@code before} (null on
         * creation) still in place.
         */
        public List<T> afterInput(List<T> current, List<String> ids, Function<List<String>, List<T>> attach,
                                  Object single, List<T> before) {
            List<T> chain = new ArrayList<>(ids != null ? attach.apply(ids) : current);
            if (single != null) {
                if (chain.isEmpty()) {
                    chain.add(newTransporter());
                }
                MultimodalTransporters.apply(chain.get(0), single);
            }
            TransporterChain.checkSize(chain.size());
            if (before != null) {
                TransporterChain.checkSignedKept(before.stream().map(id).toList(), before.stream().map(signed::test)
                        .toList(), chain.stream().map(id).toList());
            }
            return chain;
        }
    }

    /** Stores a new transporter made of {@code input} (the type's transporter input), attached to no BSD yet. */
    @Transactional
    public <D, T> T create(Side<D, T> side, Object input) {
        T transporter = side.newTransporter();
        MultimodalTransporters.apply(transporter, input);
        return MultimodalTransporters.saveUnattached(store, side.bsdType(), side.id().apply(transporter), transporter,
                clock.instant());
    }

    /**
     * Writes {@code input} (the type's transporter input) into a transporter: alone when it is on no BSD yet, else
     * through its BSD (until it signs).
     */
    @Transactional
    public <D, T> T update(CallerIdentity caller, Side<D, T> side, String id, Object input) {
        TransporterRow row = row(side, id);
        if (row.bsdId() == null) {
            T alone = MultimodalTransporters.read(row, side.transporterClass());
            MultimodalTransporters.apply(alone, input);
            return MultimodalTransporters.saveUnattached(store, row.bsdType(), row.id(), alone, row.createdAt());
        }
        Mutation<D> m = pipeline.open(side.type(), caller, row.bsdId()).require(Verb.UPDATE);
        T attached = unsigned(side, m.document(), id, "modifier");
        MultimodalTransporters.apply(attached, input);
        side.afterChange().accept(m, true);
        pipeline.commit(m, Patches.of(input));
        return attached;
    }

    /** Deletes a transporter, taking it off its BSD first when it is on one. */
    @Transactional
    public <D, T> String delete(CallerIdentity caller, Side<D, T> side, String id) {
        TransporterRow row = row(side, id);
        if (row.bsdId() != null) {
            Mutation<D> m = pipeline.open(side.type(), caller, row.bsdId()).require(Verb.UPDATE);
            side.transporters().apply(m.document()).remove(unsigned(side, m.document(), id, "supprimer"));
            side.afterChange().accept(m, false);
            pipeline.commit(m, null);
        }
        store.deleteTransporter(side.bsdType(), id);
        return id;
    }

    /** The transporters of {@code ids}, in that order: created beforehand, on no other BSD than {@code bsdId}. */
    public <D, T> List<T> attach(Side<D, T> side, List<String> ids, String bsdId) {
        return MultimodalTransporters.attach(store, side.bsdType(), side.typeName(), ids, bsdId,
                side.transporterClass());
    }

    private TransporterRow row(Side<?, ?> side, String id) {
        return store.findTransporterForUpdate(side.bsdType(), id).orElseThrow(() -> side.notFound(id));
    }

    private static <D, T> T unsigned(Side<D, T> side, D doc, String id, String verb) {
        T t = side.transporters().apply(doc).stream().filter(x -> id.equals(side.id().apply(x))).findFirst()
                .orElseThrow(() -> side.notFound(id));
        if (side.signed().test(t)) {
            throw new ApiException.BadUserInput("Impossible de " + verb + " ce transporteur : il a déjà signé le "
                    + side.typeName() + ".");
        }
        return t;
    }
}
