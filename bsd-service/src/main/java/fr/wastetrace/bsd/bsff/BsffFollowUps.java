package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.BsffLinks.Held;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffInput;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follow-up BSFFs (reference validation/bsff/refinements.ts and signBsff.ts): a transit site groups, forwards or
 * repackages containers of earlier BSFFs, named by their ids. A container may be taken over once, by the site where
 * it was received and processed with a code that leads to this kind of follow-up. A final operation downstream
 * recomputes the status of the BSFFs upstream.
 */
@ApplicationScoped
public class BsffFollowUps {
    @Inject
    BsffLinks links;
    @Inject
    BsdPipeline pipeline;

    /**
     * Checks the containers the input names and writes the links into the document: a grouping or a forwarding takes
     * each container over as one of its own (same number, type, volume, the accepted weight), a repackaging links its
     * own containers to all of them.
     */
    void takeOver(Bsff doc, BsffInput input, Problems problems) {
        List<String> forwarding = input.forwarding;
        List<String> grouping = input.grouping;
        List<String> repackaging = input.repackaging;
        List<String> ids = new ArrayList<>();
        for (List<String> l : Arrays.asList(forwarding, grouping, repackaging)) {
            if (l != null) {
                ids.addAll(l);
            }
        }
        if (ids.isEmpty() && forwarding == null && grouping == null && repackaging == null) {
            ids.addAll(previousIds(doc));
        }
        String field = field(doc.type);
        if (field == null) {
            if (!ids.isEmpty()) {
                problems.add("type : seul un BSFF de type GROUPEMENT, REEXPEDITION ou RECONDITIONNEMENT reprend des "
                        + "contenants (grouping, forwarding, repackaging).");
            }
            doc.packagings.forEach(p -> p.previousPackagingIds = new ArrayList<>());
            return;
        }
        if (ids.isEmpty()) {
            problems.add(field + " : un BSFF de type " + doc.type + " doit reprendre au moins un contenant.");
            return;
        }
        if (!given(doc.type, forwarding, grouping, repackaging)) {
            problems.add("type : pour un BSFF de type " + doc.type + ", les contenants repris se donnent dans "
                    + field + " seulement.");
            return;
        }
        String emitter = doc.emitter == null ? null : BsffDescriptor.orgId(doc.emitter.company);
        if (emitter == null) {
            problems.add("emitter.company.siret : le SIRET de l'installation émettrice est requis pour reprendre des "
                    + "contenants.");
            return;
        }
        Map<String, Held> found = links.find(new LinkedHashSet<>(ids));
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            problems.add(field + " : ces contenants n'existent pas : " + String.join(", ", missing) + ".");
            return;
        }
        List<Held> previous = ids.stream().distinct().map(found::get).toList();
        if (doc.type == BsffType.REEXPEDITION
                && previous.stream().map(h -> h.bsff().id).distinct().count() > 1) {
            problems.add("forwarding : les contenants réexpédiés doivent tous venir du même BSFF.");
            return;
        }
        if (doc.type != BsffType.RECONDITIONNEMENT) {
            Set<String> codes = new TreeSet<>();
            previous.stream().map(BsffFollowUps::wasteCode).filter(Objects::nonNull).forEach(codes::add);
            if (codes.size() > 1) {
                problems.add("waste.code : les contenants repris ont des codes déchet différents : "
                        + String.join(", ", codes) + ".");
                return;
            }
        }
        for (Held h : previous) {
            String label = "le contenant " + h.packaging().numero + " (" + h.packaging().id + ")";
            String destination = h.bsff().destination == null ? null
                    : BsffDescriptor.orgId(h.bsff().destination.company);
            if (!emitter.equals(destination)) {
                problems.add(field + " : " + label + " n'a pas été reçu par l'installation émettrice de ce BSFF ("
                        + emitter + ").");
            }
            if (!h.packaging().operated()) {
                problems.add(field + " : l'opération de " + label + " n'est pas encore signée.");
            } else if (h.packaging().operation.code == null
                    || !h.packaging().operation.code.successors().contains(doc.type)) {
                problems.add(field + " : " + label + " a été traité avec le code " + h.packaging().operation.code
                        + ", qui ne permet pas un BSFF de type " + doc.type + ".");
            }
            links.next(h.packaging().id).filter(n -> !n.bsff().id.equals(doc.id)).ifPresent(n -> problems.add(
                    field + " : " + label + " est déjà repris par le BSFF " + n.bsff().id + "."));
        }
        if (doc.type == BsffType.RECONDITIONNEMENT) {
            List<String> previousIds = previous.stream().map(h -> h.packaging().id).toList();
            doc.packagings.forEach(p -> p.previousPackagingIds = new ArrayList<>(previousIds));
        } else {
            List<BsffPackaging> own = new ArrayList<>();
            for (Held h : previous) {
                BsffPackaging kept = doc.packagings.stream()
                        .filter(p -> p.previousPackagingIds.equals(List.of(h.packaging().id))).findFirst().orElse(null);
                BsffPackaging p = new BsffPackaging();
                p.id = kept == null ? Ids.newId() : kept.id;
                p.numero = h.packaging().numero;
                p.emissionNumero = h.packaging().numero;
                p.type = h.packaging().type;
                p.other = h.packaging().other;
                p.volume = h.packaging().volume;
                p.weight = h.packaging().acceptation != null && h.packaging().acceptation.weight != null
                        ? h.packaging().acceptation.weight : 0.0;
                p.previousPackagingIds = new ArrayList<>(List.of(h.packaging().id));
                own.add(p);
            }
            doc.packagings = own;
        }
    }

    /** A repackaging's new containers keep the links of the containers they replace. */
    void keepRepackaged(Bsff before, Bsff after) {
        if (after.type == BsffType.RECONDITIONNEMENT) {
            List<String> ids = previousIds(before);
            after.packagings.forEach(p -> p.previousPackagingIds = new ArrayList<>(ids));
        }
    }

    /**
     * After containers got their final treatment ({@code processed}), walks up the containers they took over, at any
     * depth: each upstream container records that treatment for its own accepted weight (reference operationHook), and
     * each upstream BSFF moves on in its table (PROCESSED once all its containers are treated downstream).
     */
    void cascadeUpstream(CallerIdentity caller, List<BsffPackaging> processed) {
        Map<String, FinalOperation> reached = new LinkedHashMap<>();
        for (BsffPackaging p : processed) {
            FinalOperation done = p.finalOperations.isEmpty() ? null : p.finalOperations.get(p.finalOperations.size() - 1);
            p.previousPackagingIds.forEach(id -> reached.put(id, done));
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!reached.isEmpty()) {
            Set<String> upstream = new LinkedHashSet<>();
            links.find(reached.keySet()).values().forEach(h -> upstream.add(h.bsff().id));
            Map<String, FinalOperation> current = new LinkedHashMap<>(reached);
            reached.clear();
            for (String bsffId : upstream) {
                if (!seen.add(bsffId)) {
                    continue;
                }
                Mutation<Bsff> m = pipeline.openLinked(BsffService.TYPE, caller, bsffId);
                boolean changed = false;
                for (BsffPackaging p : m.document().packagings) {
                    if (!current.containsKey(p.id)) {
                        continue;
                    }
                    FinalOperation done = current.get(p.id);
                    if (done != null) {
                        changed |= FinalOperation.record(p.finalOperations,
                                done.withQuantity(p.acceptation == null ? null : p.acceptation.weight));
                    }
                    p.previousPackagingIds.forEach(id -> reached.put(id, done));
                }
                BsffStatus status = BsffStatus.valueOf(m.record().status);
                if (BsffLifecycle.TABLE.allows(status, BsffLifecycle.Event.DOWNSTREAM_OPERATION)) {
                    changed |= m.transition(BsffLifecycle.TABLE, BsffStatus.class,
                            BsffLifecycle.Event.DOWNSTREAM_OPERATION, BsffFacts.of(m.document().packagings,
                                    links::last), "") != status;
                }
                if (changed) {
                    pipeline.commit(m, null);
                }
            }
        }
    }

    private static List<String> previousIds(Bsff doc) {
        return doc.packagings.stream().flatMap(p -> p.previousPackagingIds.stream()).filter(Objects::nonNull)
                .distinct().toList();
    }

    private static String wasteCode(Held h) {
        if (h.packaging().acceptation != null && h.packaging().acceptation.wasteCode != null) {
            return h.packaging().acceptation.wasteCode;
        }
        return h.bsff().waste == null ? null : h.bsff().waste.code;
    }

    /** The input field naming the containers a follow-up type takes over. */
    static String field(BsffType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case GROUPEMENT -> "grouping";
            case REEXPEDITION -> "forwarding";
            case RECONDITIONNEMENT -> "repackaging";
            default -> null;
        };
    }

    private static boolean given(BsffType type, List<String> forwarding, List<String> grouping,
                                 List<String> repackaging) {
        boolean f = forwarding != null && !forwarding.isEmpty();
        boolean g = grouping != null && !grouping.isEmpty();
        boolean r = repackaging != null && !repackaging.isEmpty();
        if (!f && !g && !r) {
            return true;
        }
        return switch (type) {
            case REEXPEDITION -> f && !g && !r;
            case GROUPEMENT -> g && !f && !r;
            default -> r && !f && !g;
        };
    }
}
