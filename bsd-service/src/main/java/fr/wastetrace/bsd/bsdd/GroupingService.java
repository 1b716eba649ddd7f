package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.core.mutation.Patches;
import fr.wastetrace.bsd.bsdd.graphql.InitialFormFractionInput;
import fr.wastetrace.bsd.bsdd.graphql.UpdateFormInput;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormEcoOrganisme;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestWasteDetails;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.GroupingFraction;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository.Allotment;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Grouping (spec bsdd.md §1.10, §2.7, §2.8, S6, S7). Appendix 2: a regrouping facility puts fractions of the BSDDs it
 * processed with a grouping code on a new BSDD; each initial BSDD's status follows its grouping BSDDs (GROUPED, then
 * PROCESSED, or back to AWAITING_GROUP). Appendix 1: a collector's container BSDD gathers the items of a dedicated
 * round; the first item taken over sends the container, and the items follow the container's reception and processing.
 *
 * <p>The statuses that follow are recomputed from the database state in the transaction of the change that moves
 * them (after the changed BSDD is written), so they are never lost nor seen half-done; the recomputation is
 * idempotent. Locks go from a grouping BSDD to the BSDDs it groups, the order of the grouping relation, so two
 * changes cannot wait on each other.
 */
@ApplicationScoped
public class GroupingService {
    static final int MAX_APPENDIX2 = 250;
    /** New items may join a dedicated round up to five days after its first pick-up. */
    static final Duration APPENDIX1_WINDOW = Duration.ofDays(5);
    /** Status changes the platform makes on its own are logged under this subject. */
    static final CallerIdentity PLATFORM = new CallerIdentity("wastetrace", null, "WasteTrace", null, null, null);
    private static final Set<FormStatus> GROUPABLE = EnumSet.of(FormStatus.AWAITING_GROUP, FormStatus.GROUPED);
    private static final Set<FormStatus> TREATED = EnumSet.of(FormStatus.PROCESSED, FormStatus.NO_TRACEABILITY,
            FormStatus.FOLLOWED_WITH_PNTTD);
    /** Container statuses the items of a dedicated round follow. */
    private static final Set<FormStatus> ITEMS_FOLLOW = EnumSet.of(FormStatus.RECEIVED, FormStatus.ACCEPTED,
            FormStatus.REFUSED, FormStatus.PROCESSED, FormStatus.NO_TRACEABILITY, FormStatus.AWAITING_GROUP,
            FormStatus.FOLLOWED_WITH_PNTTD);
    private static final Set<FormStatus> NOT_TAKEN_OVER = EnumSet.of(FormStatus.DRAFT, FormStatus.SEALED,
            FormStatus.SIGNED_BY_PRODUCER);

    @Inject
    BsddWrites writes;
    @Inject
    BsddRepository forms;
    @Inject
    GroupingRepository groupings;
    @Inject
    CompanyDirectory directory;

    // ---------------------------------------------------------------- create / update

    /**
     * Applies {@code grouping} (or the deprecated {@code appendix2Forms}) of a create/update to the grouping BSDD.
     *
     * @return the BSDDs no longer grouped in it, to recompute once it is written
     */
    Set<String> applyInput(BsddRecord form, UpdateFormInput input) {
        if (input.grouping != null && input.appendix2Forms != null) {
            throw new ApiException.BadUserInput("Indiquez soit grouping, soit appendix2Forms (obsolète), mais pas les deux.");
        }
        List<InitialFormFractionInput> requested = input.grouping;
        if (requested == null && input.appendix2Forms != null) {
            requested = input.appendix2Forms.stream().map(ref -> {
                InitialFormFractionInput fraction = new InitialFormFractionInput();
                fraction.form = ref;
                return fraction;
            }).toList();
        }
        if (requested == null) {
            return Set.of();
        }
        EmitterType type = form.data.emitter == null ? null : form.data.emitter.type;
        if (!requested.isEmpty() && type != EmitterType.APPENDIX2 && type != EmitterType.APPENDIX1) {
            throw new ApiException.BadUserInput("Seul un bordereau de regroupement (emitter.type APPENDIX2) ou un bordereau "
                    + "chapeau de tournée dédiée (APPENDIX1) regroupe d'autres bordereaux (grouping).");
        }
        Set<String> ids = new HashSet<>();
        for (InitialFormFractionInput fraction : requested) {
            if (!ids.add(fraction.form.id)) {
                throw new ApiException.BadUserInput("Le bordereau « " + fraction.form.id + " » figure deux fois dans le "
                        + "regroupement (grouping).");
            }
        }
        Set<String> before = groupedIds(form.data);
        List<GroupingFraction> fractions = type == EmitterType.APPENDIX1
                ? attachItems(form, requested, before)
                : appendix2Fractions(form, requested);
        form.data.groupingFractions = new ArrayList<>(fractions);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(ids);
        return removed;
    }

    private List<GroupingFraction> appendix2Fractions(BsddRecord form, List<InitialFormFractionInput> requested) {
        if (requested.size() > MAX_APPENDIX2) {
            throw new ApiException.BadUserInput("Un bordereau de regroupement compte au plus " + MAX_APPENDIX2
                    + " bordereaux regroupés (grouping).");
        }
        String emitter = BsddPermissions.orgId(form.data.emitter.company);
        if (emitter == null && !requested.isEmpty()) {
            throw new ApiException.BadUserInput("Indiquez l'établissement émetteur du bordereau de regroupement avant "
                    + "d'y regrouper des bordereaux (emitter.company.siret).");
        }
        List<GroupingFraction> fractions = new ArrayList<>();
        for (InitialFormFractionInput requestedFraction : requested) {
            BsddRecord initial = forms.findForUpdate(requestedFraction.form.id)
                    .orElseThrow(() -> BsddPermissions.notFound(requestedFraction.form.id));
            if (!GROUPABLE.contains(initial.status())) {
                throw new ApiException.BadUserInput("Le bordereau " + initial.readableId + " n'attend pas de regroupement "
                        + "(statut " + initial.status + ") : seuls les bordereaux traités avec une opération de "
                        + "regroupement peuvent être regroupés (grouping).");
            }
            if (!emitter.equals(TemporaryStorageService.signingDestination(initial, false))) {
                throw new ApiException.BadUserInput("Le bordereau " + initial.readableId + " n'a pas pour destination "
                        + "l'émetteur du bordereau de regroupement (" + emitter + ") : vous ne pouvez regrouper que des "
                        + "déchets que vous avez reçus (grouping).");
            }
            double remaining = round(acceptedQuantity(initial) - allotted(initial.id, form.id));
            double quantity = requestedFraction.quantity == null ? remaining : round(requestedFraction.quantity);
            if (remaining <= 0 || quantity <= 0 || quantity > remaining) {
                throw new ApiException.BadUserInput("La quantité restante à regrouper sur le BSDD " + initial.readableId
                        + " est de " + tonnes(remaining) + " T. Vous tentez de regrouper " + tonnes(quantity) + " T.");
            }
            fractions.add(new GroupingFraction(initial.id, initial.readableId, quantity));
        }
        return fractions;
    }

    /** Appendix 1: items join a finalised container and are sealed with the container's data. */
    private List<GroupingFraction> attachItems(BsddRecord container, List<InitialFormFractionInput> requested,
                                               Set<String> before) {
        if (BsddLifecycle.isDraft(container.status()) && !requested.isEmpty()) {
            throw new ApiException.BadUserInput("Finalisez le bordereau chapeau (markAsSealed) avant d'y rattacher des "
                    + "bordereaux d'annexe 1 (grouping).");
        }
        boolean adding = requested.stream().anyMatch(f -> !before.contains(f.form.id));
        Instant firstPickUp = container.data.takenOverAt;
        if (adding && firstPickUp != null && Instant.now().isAfter(firstPickUp.plus(APPENDIX1_WINDOW))) {
            throw new ApiException.BadUserInput("Des bordereaux d'annexe 1 ne peuvent être ajoutés que dans les 5 jours "
                    + "qui suivent le premier enlèvement de la tournée (grouping).");
        }
        List<GroupingFraction> fractions = new ArrayList<>();
        for (InitialFormFractionInput requestedFraction : requested) {
            BsddWrites.Loaded opened = writes.openLinked(PLATFORM, requestedFraction.form.id);
            BsddRecord item = opened.form();
            if (item.data.emitter == null || item.data.emitter.type != EmitterType.APPENDIX1_PRODUCER) {
                throw new ApiException.BadUserInput("Le bordereau " + item.readableId + " n'est pas un bordereau d'annexe 1 "
                        + "(emitter.type APPENDIX1_PRODUCER) : il ne peut pas rejoindre une tournée dédiée (grouping).");
            }
            if (groupings.allotmentsOf(item.id).stream().anyMatch(a -> !a.groupingFormId().equals(container.id))) {
                throw new ApiException.BadUserInput("Le bordereau d'annexe 1 " + item.readableId + " est déjà rattaché à "
                        + "un autre bordereau chapeau (grouping).");
            }
            if (!before.contains(item.id)) {
                if (!BsddLifecycle.mayJoinRound(item.status())) {
                    throw new ApiException.BadUserInput("Le bordereau d'annexe 1 " + item.readableId + " est déjà signé "
                            + "(statut " + item.status + ") : il ne peut plus rejoindre une tournée (grouping).");
                }
                sealItem(container, opened);
            }
            Double quantity = item.data.wasteDetails == null ? null : item.data.wasteDetails.quantity;
            fractions.add(new GroupingFraction(item.id, item.readableId, quantity == null ? 0.0 : quantity));
        }
        return fractions;
    }

    /** The container's destination, waste and transporter are copied onto the item, which is then sealed. */
    private void sealItem(BsddRecord container, BsddWrites.Loaded opened) {
        BsddRecord item = opened.form();
        BsddData k = container.data;
        BsddData d = item.data;
        d.customId = k.customId;
        d.recipient = BsddWrites.copy(k.recipient, Recipient.class);
        d.ecoOrganisme = BsddWrites.copy(k.ecoOrganisme, FormEcoOrganisme.class);
        WasteDetails w = Optional.ofNullable(d.wasteDetails).orElseGet(WasteDetails::new);
        WasteDetails kw = Optional.ofNullable(k.wasteDetails).orElseGet(WasteDetails::new);
        copyWasteIdentity(kw, w);
        w.consistences = kw.consistences;
        w.isSubjectToADR = kw.isSubjectToADR;
        w.onuCode = kw.onuCode;
        w.nonRoadRegulationMention = kw.nonRoadRegulationMention;
        w.quantityType = QuantityType.ESTIMATED;
        d.wasteDetails = w;
        List<TransporterRecord> transporters = new ArrayList<>(item.transporters);
        List<TransporterRecord> containerTransporters = container.transporters;
        if (transporters.isEmpty() && !containerTransporters.isEmpty()) {
            Transporter first = containerTransporters.get(0).data;
            TransporterRecord copy = new TransporterRecord();
            copy.data = BsddWrites.copy(first, Transporter.class);
            copy.data.id = Ids.newId();
            copy.data.takenOverAt = null;
            copy.data.takenOverBy = null;
            copy.formId = item.id;
            copy.number = 1;
            copy.createdAt = Instant.now();
            forms.insertTransporter(copy);
            transporters.add(copy);
        }
        BsddValidation.sealed(d, BsddWrites.data(transporters), writes.known(d, transporters))
                .throwIfAny("Le bordereau d'annexe 1 " + item.readableId + " ne peut pas être finalisé :");
        if (BsddLifecycle.isDraft(item.status())) {
            item.setStatus(BsddWrites.transition(item, BsddEvent.SEAL, BsddFacts.none()));
        }
        item.transporters = transporters;
        writes.save(opened);
    }

    // ---------------------------------------------------------------- what follows a change

    /** After a BSDD is written: the BSDDs its status moves (grouped BSDDs, items of its round, its container). */
    void afterWrite(@Observes BsddWritten written) {
        BsddRecord form = written.form();
        EmitterType type = form.data.emitter == null ? null : form.data.emitter.type;
        if (type == EmitterType.APPENDIX2) {
            recompute(groupedIds(form.data));
        } else if (type == EmitterType.APPENDIX1 && ITEMS_FOLLOW.contains(form.status())) {
            itemsFollow(form);
        } else if (type == EmitterType.APPENDIX1_PRODUCER && BsddLifecycle.towardsFirstDestination(form.status())) {
            takeOverInContainer(form);
        }
    }

    /** After a BSDD is deleted: what it grouped is free again; a container takes its items with it. */
    void afterDelete(BsddRecord form) {
        EmitterType type = form.data.emitter == null ? null : form.data.emitter.type;
        if (type == EmitterType.APPENDIX2) {
            recompute(groupedIds(form.data));
        } else if (type == EmitterType.APPENDIX1) {
            for (String itemId : groupedIds(form.data)) {
                writes.openLinkedIfPresent(PLATFORM, itemId).ifPresent(writes::softDelete);
            }
        }
    }

    /** Recomputes the status of BSDDs grouped on appendix 2 from their allotments; a no-op when nothing changed. */
    void recompute(Set<String> initialIds) {
        for (String id : initialIds) {
            Optional<BsddWrites.Loaded> found = writes.openLinkedIfPresent(PLATFORM, id);
            if (found.isEmpty() || !GROUPABLE.contains(found.get().form().status())) {
                continue;
            }
            BsddRecord initial = found.get().form();
            List<Allotment> allotments = liveAllotments(initial.id);
            double grouped = round(allotments.stream().mapToDouble(Allotment::quantity).sum());
            boolean fully = !allotments.isEmpty() && grouped >= round(acceptedQuantity(initial));
            BsddEvent event;
            if (fully && allotments.stream().allMatch(a -> TREATED.contains(a.groupingStatus()))) {
                event = BsddEvent.GROUPED_PROCESSED;
            } else if (fully && allotments.stream().noneMatch(a -> BsddLifecycle.isDraft(a.groupingStatus()))) {
                event = BsddEvent.GROUP;
            } else {
                event = BsddEvent.UNGROUP;
            }
            Optional<FormStatus> next = BsddLifecycle.next(initial.status(), event, BsddFacts.none());
            if (next.isPresent() && next.get() != initial.status()) {
                initial.setStatus(next.get());
                writes.save(found.get());
            }
        }
    }

    /** The first item taken over sends the container; its quantity and packagings are those of the items taken over. */
    private void takeOverInContainer(BsddRecord item) {
        BsddWrites.Loaded opened = containerOf(item).orElse(null);
        if (opened == null) {
            return;
        }
        BsddRecord container = opened.form();
        boolean changed = false;
        if (BsddLifecycle.allows(container.status(), BsddEvent.CONTAINER_ITEM_TAKEN_OVER)) {
            container.setStatus(BsddWrites.transition(container, BsddEvent.CONTAINER_ITEM_TAKEN_OVER, BsddFacts.none()));
            container.data.takenOverAt = item.data.takenOverAt;
            container.data.takenOverBy = item.data.takenOverBy;
            container.data.sentAt = item.data.takenOverAt;
            container.data.sentBy = item.data.takenOverBy;
            changed = true;
        }
        if (sumItems(container, item) || changed) {
            writes.save(opened);
        }
    }

    /** The container of an appendix-1 item, locked; empty when the item is in no round. */
    private Optional<BsddWrites.Loaded> containerOf(BsddRecord item) {
        return groupings.allotmentsOf(item.id).stream().findFirst()
                .flatMap(in -> writes.openLinkedIfPresent(PLATFORM, in.groupingFormId()));
    }

    /**
     * Sets the container's quantity and packagings to the sums over its items taken over, and each item's quantity in
     * the round to its current quantity; {@code changedItem} is the item being written, as it is in memory.
     *
     * @return whether the container changed
     */
    private boolean sumItems(BsddRecord container, BsddRecord changedItem) {
        boolean changed = false;
        double quantity = 0;
        Map<String, PackagingInfo> packagings = new LinkedHashMap<>();
        for (GroupingFraction fraction : container.data.groupingFractions) {
            BsddRecord other = fraction.formId.equals(changedItem.id) ? changedItem
                    : forms.find(fraction.formId).orElse(null);
            if (other == null || other.data.wasteDetails == null) {
                continue;
            }
            WasteDetails w = other.data.wasteDetails;
            Double itemQuantity = w.quantity == null ? Double.valueOf(0.0) : w.quantity;
            if (!Objects.equals(fraction.quantity, itemQuantity)) {
                fraction.quantity = itemQuantity;
                changed = true;
            }
            if (NOT_TAKEN_OVER.contains(other.status())) {
                continue;
            }
            quantity += itemQuantity;
            for (PackagingInfo p : Optional.ofNullable(w.packagingInfos).orElse(List.of())) {
                String key = p.type + "/" + Objects.toString(p.other, "") + "/" + Objects.toString(p.volume, "");
                PackagingInfo sum = packagings.computeIfAbsent(key, k -> {
                    PackagingInfo s = BsddWrites.copy(p, PackagingInfo.class);
                    s.quantity = 0;
                    s.identificationNumbers = new ArrayList<>();
                    return s;
                });
                sum.quantity += p.quantity;
                sum.identificationNumbers.addAll(Optional.ofNullable(p.identificationNumbers).orElse(List.of()));
            }
        }
        WasteDetails cw = Optional.ofNullable(container.data.wasteDetails).orElseGet(WasteDetails::new);
        container.data.wasteDetails = cw;
        double total = round(quantity);
        if (!Objects.equals(cw.quantity, total)) {
            cw.quantity = total;
            changed = true;
        }
        List<PackagingInfo> summed = new ArrayList<>(packagings.values());
        if (!Patches.of(summed).equals(Patches.of(
                Optional.ofNullable(cw.packagingInfos).orElse(List.of())))) {
            cw.packagingInfos = summed;
            changed = true;
        }
        return changed;
    }

    /** The items of a received or processed container follow it; those never taken over leave the round. */
    private void itemsFollow(BsddRecord container) {
        for (String itemId : groupedIds(container.data)) {
            BsddWrites.Loaded opened = writes.openLinkedIfPresent(PLATFORM, itemId).orElse(null);
            if (opened == null || opened.form().status() == container.status()) {
                continue;
            }
            BsddRecord item = opened.form();
            if (NOT_TAKEN_OVER.contains(item.status())) {
                writes.softDelete(opened);
                continue;
            }
            BsddData k = container.data;
            BsddData d = item.data;
            Double quantity = d.wasteDetails == null ? null : d.wasteDetails.quantity;
            d.receivedBy = k.receivedBy;
            d.receivedAt = k.receivedAt;
            d.signedAt = k.signedAt;
            d.wasteAcceptationStatus = k.wasteAcceptationStatus;
            d.wasteRefusalReason = k.wasteRefusalReason;
            if (k.wasteAcceptationStatus != null) {
                d.quantityReceived = quantity;
                d.quantityReceivedType = QuantityType.REAL;
                d.quantityRefused = k.wasteAcceptationStatus == WasteAcceptationStatus.REFUSED ? quantity
                        : k.wasteAcceptationStatus == WasteAcceptationStatus.ACCEPTED ? Double.valueOf(0.0) : null;
            }
            d.processingOperationDone = k.processingOperationDone;
            d.destinationOperationMode = k.destinationOperationMode;
            d.processingOperationDescription = k.processingOperationDescription;
            d.processedBy = k.processedBy;
            d.processedAt = k.processedAt;
            d.noTraceability = k.noTraceability;
            d.nextDestination = k.nextDestination;
            d.currentTransporterSiret = "";
            item.setStatus(container.status());
            writes.save(opened);
        }
    }

    // ---------------------------------------------------------------- revisions (spec §2.11)

    /**
     * Before a BSDD changed by an accepted revision request is written: a grouping BSDD cancelled by the revision lets
     * go of the BSDDs it grouped, which can then be grouped again.
     *
     * @return the BSDDs it no longer groups, to give to {@link #afterRevision} once it is written
     */
    public Set<String> releaseIfCanceled(BsddRecord form) {
        EmitterType type = form.data.emitter == null ? null : form.data.emitter.type;
        if (!BsddLifecycle.isCanceled(form.status()) || type != EmitterType.APPENDIX2) {
            return Set.of();
        }
        Set<String> released = groupedIds(form.data);
        form.data.groupingFractions = new ArrayList<>();
        return released;
    }

    /**
     * After a BSDD changed by an accepted revision request is written, what follows from it: the BSDDs a cancelled
     * grouping BSDD released are recomputed, as is a revised BSDD waiting to be grouped (its accepted quantity may have
     * changed); a revised appendix-1 item's new quantity or packagings are summed again on its container; a
     * container's revised waste code, name or POP flag is copied onto its items.
     */
    public void afterRevision(BsddRecord form, Set<String> released, FormRevisionRequestWasteDetails waste) {
        recompute(released);
        if (GROUPABLE.contains(form.status())) {
            recompute(Set.of(form.id));
        }
        EmitterType type = form.data.emitter == null ? null : form.data.emitter.type;
        if (waste == null) {
            return;
        }
        if (type == EmitterType.APPENDIX1_PRODUCER && (waste.quantity != null || waste.packagingInfos != null)) {
            containerOf(form).ifPresent(container -> {
                if (sumItems(container.form(), form)) {
                    writes.save(container);
                }
            });
        } else if (type == EmitterType.APPENDIX1 && (waste.code != null || waste.name != null || waste.pop != null)) {
            WasteDetails kw = form.data.wasteDetails;
            for (String itemId : groupedIds(form.data)) {
                BsddWrites.Loaded opened = writes.openLinkedIfPresent(PLATFORM, itemId).orElse(null);
                if (opened == null) {
                    continue;
                }
                BsddRecord item = opened.form();
                WasteDetails w = Optional.ofNullable(item.data.wasteDetails).orElseGet(WasteDetails::new);
                item.data.wasteDetails = w;
                copyWasteIdentity(kw, w);
                writes.save(opened);
            }
        }
    }

    /** The waste an item shares with its container: code (and the dangerousness it implies), name, POP mention. */
    private static void copyWasteIdentity(WasteDetails container, WasteDetails item) {
        item.code = container.code;
        item.name = container.name;
        item.isDangerous = container.isDangerous;
        item.pop = container.pop;
    }

    // ---------------------------------------------------------------- queries

    @Transactional
    public List<Form> appendixForms(CallerIdentity caller, String siret, String wasteCode) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (!companies.can(UserPermission.BSD_CAN_LIST, siret)) {
            throw new ApiException.Forbidden("Vous n'avez pas le droit de lister les bordereaux de l'établissement "
                    + siret + ".");
        }
        List<Form> result = new ArrayList<>();
        for (String id : groupings.awaitingGroup(siret, wasteCode)) {
            BsddRecord form = forms.find(id).orElse(null);
            if (form != null && round(acceptedQuantity(form) - allotted(form.id, null)) > 0) {
                result.add(BsddViews.of(form, forms.transporters(form.id)));
            }
        }
        return result;
    }

    /** The quantity of a BSDD allotted to grouping BSDDs that are not refused (tonnes, six decimals). */
    public double quantityGrouped(String formId) {
        return allotted(formId, null);
    }

    /** The grouping BSDDs that take part of {@code formId}, refused ones excepted. */
    public List<Allotment> liveAllotments(String formId) {
        return groupings.allotmentsOf(formId).stream().filter(a -> !BsddLifecycle.isRefused(a.groupingStatus())).toList();
    }

    /**
     * Spec §2.5 (updateForm): a BSDD grouped in another keeps its emitter type, and a BSDD that groups others keeps its
     * emitter's SIRET, since the grouped BSDDs were chosen for that emitter. Checked on the state after the update, so
     * that the grouped BSDDs can be taken out and the emitter changed in one call.
     */
    void checkEmitterKept(BsddRecord form, BsddData previous) {
        Emitter before = previous.emitter;
        Emitter after = form.data.emitter;
        EmitterType typeBefore = before == null ? null : before.type;
        EmitterType typeAfter = after == null ? null : after.type;
        if (typeBefore != typeAfter && !liveAllotments(form.id).isEmpty()) {
            throw new ApiException.BadUserInput("Ce bordereau est regroupé dans un autre bordereau : son type d'émetteur "
                    + "(emitter.type) ne peut plus changer. Retirez-le d'abord du bordereau qui le regroupe.");
        }
        String siretBefore = before == null || before.company == null ? null : before.company.siret;
        String siretAfter = after == null || after.company == null ? null : after.company.siret;
        if (!Objects.equals(siretBefore, siretAfter) && !groupedIds(form.data).isEmpty()) {
            throw new ApiException.BadUserInput("Ce bordereau regroupe d'autres bordereaux : le SIRET de son émetteur "
                    + "(emitter.company.siret) ne peut pas changer. Retirez d'abord les bordereaux regroupés (grouping).");
        }
    }

    // ---------------------------------------------------------------- plumbing

    static Set<String> groupedIds(BsddData data) {
        Set<String> ids = new LinkedHashSet<>();
        data.groupingFractions.forEach(f -> ids.add(f.formId));
        return ids;
    }

    private double allotted(String formId, String exceptGroupingFormId) {
        return round(liveAllotments(formId).stream()
                .filter(a -> !a.groupingFormId().equals(exceptGroupingFormId))
                .mapToDouble(Allotment::quantity).sum());
    }

    private static double acceptedQuantity(BsddRecord form) {
        Double accepted = BsddViews.quantityAccepted(form.data);
        if (accepted == null) {
            accepted = form.data.quantityReceived;
        }
        return accepted == null ? 0 : accepted;
    }

    static double round(double tonnes) {
        return BigDecimal.valueOf(tonnes).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    private static String tonnes(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
