package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The actions a caller may do now with a BSD, computed from what the type declares ({@link BsdActions}): for each
 * signature step, the step's availability, whether it is signed, the table's move from the current status, then the
 * signers and the step's permission ({@code CallerCompanies.can}: a member of a signer company whose role grants it;
 * signing with another company's security code is not counted); for update, delete and duplicate, the type's
 * permission verbs ({@link BsdType#orgIdsAllowedTo}, {@link Verb#permission}) and its status refusal; the revision
 * request from the type's revision rule.
 */
public final class AllowedActions {
    static final String DRAFT = "Le bordereau est un brouillon : publiez-le avant de le signer.";
    static final String ALREADY_SIGNED = "Cette signature a déjà été apposée.";
    static final String NO_SIGNER = "Aucun établissement signataire n'est renseigné pour cette étape.";

    private AllowedActions() {
    }

    public static <D, T, E extends Enum<E>> WastetraceAllowedActions of(BsdActions<D, T, E> actions,
                                                                         BsdRecord<D> record,
                                                                         CallerCompanies companies) {
        WastetraceAllowedActions out = new WastetraceAllowedActions();
        out.signatures = signatures(actions, record, companies);
        BsdType<D> type = actions.type();
        out.update = verb(type, Verb.UPDATE, record, companies).or(() -> type.updateRefusal(record))
                .map(WastetraceAction::refused).orElseGet(WastetraceAction::allowed);
        out.delete = verb(type, Verb.DELETE, record, companies)
                .map(WastetraceAction::refused).orElseGet(WastetraceAction::allowed);
        out.duplicate = verb(type, Verb.DUPLICATE, record, companies)
                .map(WastetraceAction::refused).orElseGet(WastetraceAction::allowed);
        if (actions.hasRevisions()) {
            out.revisionRequest = actions.revisionRefusal(companies, record)
                    .map(WastetraceAction::refused).orElseGet(WastetraceAction::allowed);
        }
        return out;
    }

    /** Each signature step of the type, open to the caller now or not (and why). */
    public static <D, T, E extends Enum<E>> List<WastetraceSignatureAction> signatures(BsdActions<D, T, E> actions,
                                                                                       BsdRecord<D> record,
                                                                                       CallerCompanies companies) {
        List<WastetraceSignatureAction> signatures = new ArrayList<>();
        for (SignatureStep<T, E> step : actions.signatureSteps().all()) {
            WastetraceSignatureAction action = new WastetraceSignatureAction();
            action.signatureType = step.name();
            Optional<String> refusal = signatureRefusal(actions, step, record, companies);
            action.allowed = refusal.isEmpty();
            action.reason = refusal.orElse(null);
            signatures.add(action);
        }
        return signatures;
    }

    /** Whether at least one signature step is open to the caller now. */
    public static <D, T, E extends Enum<E>> boolean awaitsSignatureOf(BsdActions<D, T, E> actions,
                                                                      BsdRecord<D> record, CallerCompanies companies) {
        return actions.signatureSteps().all().stream()
                .anyMatch(step -> signatureRefusal(actions, step, record, companies).isEmpty());
    }

    static <D, T, E extends Enum<E>> Optional<String> signatureRefusal(BsdActions<D, T, E> actions,
                                                                       SignatureStep<T, E> step, BsdRecord<D> record,
                                                                       CallerCompanies companies) {
        if (record.isDraft) {
            return Optional.of(DRAFT);
        }
        T subject = actions.subject(record);
        Optional<String> unavailable = step.unavailable().apply(subject);
        if (unavailable.isPresent()) {
            return unavailable;
        }
        if (step.signed().test(subject)) {
            return Optional.of(ALREADY_SIGNED);
        }
        if (!actions.canMove(record, step.event())) {
            return Optional.of("Le statut du bordereau (" + record.status + ") ne permet pas cette signature.");
        }
        List<String> signers = step.signersOf(subject);
        if (signers.isEmpty()) {
            return Optional.of(NO_SIGNER);
        }
        if (companies.can(step.permission(), signers)) {
            return Optional.empty();
        }
        String expected = String.join(", ", signers);
        if (signers.stream().anyMatch(companies::isMemberOf)) {
            return Optional.of("Votre rôle dans l'établissement " + expected + " ne permet pas cette signature.");
        }
        return Optional.of("Vous n'êtes pas signataire de cette étape : elle revient à l'établissement " + expected
                + " (un non-membre ne peut signer qu'avec son code de signature).");
    }

    private static <D> Optional<String> verb(BsdType<D> type, Verb verb, BsdRecord<D> record,
                                             CallerCompanies companies) {
        return companies.can(verb.permission(), type.orgIdsAllowedTo(verb, record)) ? Optional.empty()
                : Optional.of(type.refusal(verb, record));
    }
}
