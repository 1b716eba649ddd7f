package fr.wastetrace.bsd.bsdd.subscription;

import fr.wastetrace.bsd.bsdd.BsddLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.BsddPermissions;
import fr.wastetrace.bsd.bsdd.BsddViews;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormSubscription;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsddEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a BSDD event tells {@code forms} subscribers, in the reference API's Prisma-era shape: {@code CREATED} for the
 * first version of a BSDD, {@code UPDATED} for the next ones, {@code DELETED} for its deletion. The node is the state
 * the event carries; the previous state is the BSDD's previous event, read back from the outbox while it keeps it.
 */
@ApplicationScoped
public class BsddChanges {
    /** Properties of the event payload that are not fields of {@code Form}. */
    private static final Set<String> NOT_IN_API = Set.of("version", "isDeleted");

    enum Kind { CREATED, UPDATED, DELETED }

    /** A BSDD event, decoded: its kind and the BSDD as the event describes it. */
    record Change(Kind kind, BsddViews.Published published) {
        String formId() {
            return published.form().id;
        }
    }

    @Inject
    BsddRepository forms;

    /** The change an event describes, or empty when the event is not about a BSDD. */
    Optional<Change> read(EventEnvelope event) {
        if (!BsddEvents.AGGREGATE_TYPE.equals(event.aggregateType())) {
            return Optional.empty();
        }
        BsddViews.Published published = BsddViews.published(event.payload());
        if (BsddLifecycle.isDraft(published.form().status())) {
            published.form().draftAccessOrgIds = forms.draftAccessOrgIds(published.form().id);
        }
        Kind kind = BsddEvents.DELETED.equals(event.type()) ? Kind.DELETED
                : event.version() <= 1 ? Kind.CREATED : Kind.UPDATED;
        return Optional.of(new Change(kind, published));
    }

    /** The rule of the {@code form(id)} query, on the BSDD as the change left it (as it was deleted, for a deletion). */
    boolean visibleTo(Change change, CallerCompanies companies) {
        return BsddPermissions.canRead(companies, change.published().form(), change.published().transporterData());
    }

    /** The message subscribers get: the node, and for an update the previous state and the fields that changed. */
    FormSubscription message(Change change) {
        Form view = change.published().view();
        return switch (change.kind()) {
            case CREATED -> new FormSubscription(Kind.CREATED.name(), view, null, null);
            case DELETED -> new FormSubscription(Kind.DELETED.name(), null, null, view);
            case UPDATED -> {
                Optional<Form> previous = forms.publishedState(change.formId(), change.published().form().version - 1)
                        .map(payload -> BsddViews.published(payload).view());
                yield new FormSubscription(Kind.UPDATED.name(), view,
                        previous.map(before -> updatedFields(before, view)).orElse(null), previous.orElse(null));
            }
        };
    }

    /** The top-level fields of {@code Form} whose values differ between the two views. */
    static List<String> updatedFields(Form before, Form after) {
        JsonNode a = EventCodec.mapper().valueToTree(before);
        JsonNode b = EventCodec.mapper().valueToTree(after);
        Set<String> fields = new LinkedHashSet<>();
        for (String path : JsonDiff.changedPaths(a, b)) {
            fields.add(path.split("[.\\[]", 2)[0]);
        }
        fields.removeAll(NOT_IN_API);
        return List.copyOf(fields);
    }
}
