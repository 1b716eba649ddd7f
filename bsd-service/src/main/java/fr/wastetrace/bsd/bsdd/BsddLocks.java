package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.subgraph.ApiException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which fields each signature locks (spec bsdd.md §2.5): a change to a locked field is refused. */
public final class BsddLocks {
    private static final Set<String> EMITTER_IDENTITY = Set.of("emitter.type", "emitter.isPrivateIndividual",
            "emitter.isForeignShip", "emitter.company.siret", "emitter.company.omiNumber", "emitter.company.name",
            "emitter.company.address");
    private static final List<String> LOCKED_AT_EMISSION = List.of("emitter", "recipient", "wasteDetails", "trader",
            "broker", "ecoOrganisme", "customId", "isDirectSupply", "grouping", "temporaryStorageDetail.destination");
    private static final Pattern TRANSPORTER_PATH = Pattern.compile("^transporters\\[(\\d+)]");

    private BsddLocks() {
    }

    /**
     * @param before       the BSDD before the change (its signatures decide what is locked)
     * @param transporters its transporters before the change
     * @param changed      the paths the change touches, transporters written {@code transporters[i]...}
     * @param byEmissionSigner whether the caller belongs to the company that signed the emission: until the transport
     *                     signature it may still change everything but the emitter's identity
     */
    public static void checkUnlocked(FormStatus status, BsddData before, List<Transporter> transporters, Set<String> changed,
                                     boolean byEmissionSigner) {
        Set<String> locked = new TreeSet<>();
        for (String path : changed) {
            if (isLocked(status, before, transporters, path, byEmissionSigner)) {
                locked.add(fieldName(path));
            }
        }
        if (!locked.isEmpty()) {
            throw new ApiException.Forbidden("Ces champs ont été verrouillés par une signature et ne peuvent plus être "
                    + "modifiés : " + String.join(", ", locked));
        }
    }

    static boolean isLocked(FormStatus status, BsddData before, List<Transporter> transporters, String path,
                            boolean byEmissionSigner) {
        if (BsddLifecycle.beforeAnySignature(status)) {
            return false;
        }
        if (BsddLifecycle.signedByEmitterOnly(status) && EMITTER_IDENTITY.stream().anyMatch(path::startsWith)) {
            return true;
        }
        boolean signerStillEditing = BsddLifecycle.signedByEmitterOnly(status) && byEmissionSigner;
        if (before.emittedAt != null && !signerStillEditing
                && LOCKED_AT_EMISSION.stream().anyMatch(prefix -> startsWithField(path, prefix))
                && !path.equals("wasteDetails.sampleNumber")) {
            return true;
        }
        if (before.takenOverAt != null && path.equals("wasteDetails.sampleNumber")) {
            return true;
        }
        if (before.receivedAt != null && (path.startsWith("transporters") || path.startsWith("intermediaries"))) {
            return true;
        }
        if (path.startsWith("transporters")) {
            Matcher m = TRANSPORTER_PATH.matcher(path);
            if (!m.find()) {
                return false; // the list changed length: BsddService checks that signed transporters stay in place
            }
            int index = Integer.parseInt(m.group(1));
            return index < transporters.size() && transporters.get(index).takenOverAt != null;
        }
        return false;
    }

    private static boolean startsWithField(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
    }

    /** {@code wasteDetails.code} → {@code wasteDetailsCode}; list indexes are kept. */
    static String fieldName(String path) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : path.toCharArray()) {
            if (ch == '.') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }
}
