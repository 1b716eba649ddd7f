package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserRole;

import java.util.LinkedHashMap;
import java.util.Map;

/** BSDs and callers for the unit tests of each type's allowed actions. */
public final class ActionFixtures {
    private ActionFixtures() {
    }

    /** A published BSD in {@code status} whose document is {@code json} read as {@code type}. */
    public static <D> BsdRecord<D> published(String json, Class<D> type, String status) {
        return fill(new BsdRecord<>(), json, type, status);
    }

    public static <D, R extends BsdRecord<D>> R fill(R record, String json, Class<D> type, String status) {
        try {
            record.data = EventCodec.mapper().readValue(json.replace('\'', '"'), type);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
        record.id = "ID-1";
        record.status = status;
        return record;
    }

    /** A caller with {@code role} in {@code orgId}. */
    public static CallerCompanies caller(String orgId, UserRole role) {
        return new CallerCompanies("sub", "someone@example.org", Map.of(orgId, role));
    }

    /** The signature actions by signature type: {@code null} reason when allowed. */
    public static <D, T, E extends Enum<E>> Map<String, String> signatures(BsdActions<D, T, E> actions,
                                                                           BsdRecord<D> record,
                                                                           CallerCompanies companies) {
        Map<String, String> out = new LinkedHashMap<>();
        for (WastetraceSignatureAction a : AllowedActions.signatures(actions, record, companies)) {
            if (a.allowed != (a.reason == null)) {
                throw new AssertionError(a.signatureType + ": allowed with a reason, or refused without one");
            }
            out.put(a.signatureType, a.allowed ? "allowed" : a.reason);
        }
        return out;
    }
}
