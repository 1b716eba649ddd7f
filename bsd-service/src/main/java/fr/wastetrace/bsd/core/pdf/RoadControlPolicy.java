package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;

/**
 * What a BSD type gives the road-control links ({@code createPdfAccessToken}): the ids it owns (by their prefix, as the
 * reference tells the types apart), the check that the caller may hand out a link for one of them now, and the type's
 * name for its PDF renderer. One CDI bean per type that offers road control (not the BSPAOH, as in the reference).
 */
public interface RoadControlPolicy {

    /** The readable-id prefix of the type's BSDs ({@code BSDA-}, {@code FF-}...); empty for the BSDD, the default. */
    String idPrefix();

    /** The type's name in {@link PdfRequest#bsdType()}, whose renderer draws the PDF. */
    String bsdType();

    /**
     * Refuses unless {@code caller} may read the BSD ({@code BAD_USER_INPUT} when it does not exist, {@code FORBIDDEN}
     * otherwise) and the waste is on the road now ({@code FORBIDDEN} naming the status, told to readers only).
     */
    void checkCanGrant(CallerIdentity caller, String bsdId);

    /** The refusal of a BSD that is not on the road, for readers. */
    static ApiException notOnTheRoad(String status, String statuses) {
        return new ApiException.Forbidden("Seuls les bordereaux pris en charge par un "
                + "transporteur (statut " + statuses + ") peuvent être consultés via un accès temporaire ; ce bordereau "
                + "est au statut " + status + ".");
    }
}
