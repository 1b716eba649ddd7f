package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.core.mutation.Patches;
import fr.wastetrace.bsd.bsff.BsffLinks.Held;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.UpdateBsffPackagingInput;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The containers as first-class objects: the destination fills in or corrects a container's acceptation and operation
 * ({@code updateBsffPackaging}), which stay correctable after their signature until a follow-up BSFF takes the
 * container over.
 */
@ApplicationScoped
public class BsffPackagings {
    @Inject
    BsdPipeline pipeline;
    @Inject
    BsffLinks links;

    @Transactional
    public BsffPackaging update(CallerIdentity caller, String id, UpdateBsffPackagingInput input) {
        Held held = links.find(id).orElseThrow(() -> notFound(id));
        Mutation<Bsff> m = pipeline.open(BsffService.TYPE, caller, held.bsff().id);
        Bsff doc = m.document();
        String destination = doc.destination == null ? null : BsffDescriptor.orgId(doc.destination.company);
        if (destination == null || !m.companies().can(UserPermission.BSD_CAN_UPDATE, destination)) {
            throw new ApiException.Forbidden("Seule l'installation de destination du BSFF peut modifier l'acceptation "
                    + "et l'opération d'un contenant.");
        }
        BsffPackaging p = doc.packagings.stream().filter(x -> x.id.equals(id)).findFirst()
                .orElseThrow(() -> notFound(id));
        ObjectNode before = EventCodec.mapper().valueToTree(p);
        BsffPackaging original = BsdPipeline.copy(p, BsffPackaging.class);
        ObjectNode node = before.deepCopy();
        ObjectNode patch = Patches.of(input);
        JsonMerge.merge(node, patch);
        BsffPackaging merged = EventCodec.mapper().convertValue(node, BsffPackaging.class);
        p.numero = merged.numero;
        p.acceptation = merged.acceptation;
        p.operation = merged.operation;
        if (p.operation != null && p.operation.noTraceability == null) {
            p.operation.noTraceability = false;
        }
        boolean taken = links.next(id).isPresent();
        List<String> signed = new ArrayList<>();
        if (original.accepted()) {
            signed.add("ACCEPTATION");
        }
        if (original.operated()) {
            signed.add("OPERATION");
        }
        BsffRules.PACKAGING_RULES.checkNotSealed(new BsffRules.PackagingContext(original, taken), signed,
                JsonDiff.changedPaths(before, EventCodec.mapper().valueToTree(p)), "");
        BsffRules.packagingFormats(p, new Problems()).throwIfAny(null);
        BsffDocuments.normalize(doc);
        pipeline.commit(m, patch);
        return p;
    }

    /** The fields a container still needs for {@code step} (ACCEPTATION or OPERATION), and its formats. */
    static void require(BsffPackaging p, String step, boolean taken, Problems problems) {
        Problems own = new Problems();
        BsffRules.PACKAGING_RULES.require(new BsffRules.PackagingContext(p, taken),
                EventCodec.mapper().valueToTree(p), step, own);
        BsffRules.packagingFormats(p, own);
        own.messages().forEach(msg -> problems.add("Contenant " + p.numero + " : " + msg));
    }

    static ApiException notFound(String id) {
        return new ApiException.BadUserInput("Le contenant de fluide \"" + id + "\" n'existe pas.");
    }
}
