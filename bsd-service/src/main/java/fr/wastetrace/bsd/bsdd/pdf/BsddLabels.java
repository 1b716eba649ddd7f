package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.model.CiterneNotWashedOutReason;
import fr.wastetrace.bsd.bsdd.model.Consistence;
import fr.wastetrace.bsd.bsdd.model.EmptyReturnADR;
import fr.wastetrace.bsd.bsdd.model.FormStatus;

/** The French labels of the BSDD's own enums on its PDF (the shared ones are in {@code core.pdf.PdfFormat}). */
public final class BsddLabels {

    private BsddLabels() {
    }

    public static String label(Consistence consistence) {
        return switch (consistence) {
            case SOLID -> "solide";
            case LIQUID -> "liquide";
            case GASEOUS -> "gazeux";
            case DOUGHY -> "pâteux";
        };
    }

    public static String label(CiterneNotWashedOutReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case EXEMPTED -> "dérogation";
            case INCOMPATIBLE -> "déchet incompatible avec le rinçage";
            case UNAVAILABLE -> "station de rinçage indisponible";
            case NOT_BY_DRIVER -> "le chauffeur n'a pas fait rincer la citerne";
        };
    }

    public static String label(EmptyReturnADR emptyReturn) {
        if (emptyReturn == null) {
            return "";
        }
        return switch (emptyReturn) {
            case EMPTY_RETURN_NOT_WASHED -> "retour à vide, non nettoyé";
            case EMPTY_VEHICLE -> "véhicule vide";
            case EMPTY_CITERNE -> "citerne vide";
            case EMPTY_CONTAINER -> "conteneur vide";
            case EMPTY_CITERNE_CONTAINER -> "citerne et conteneur vides";
        };
    }

    public static String label(FormStatus status) {
        return switch (status) {
            case DRAFT -> "brouillon";
            case SEALED -> "finalisé, en attente de la signature de l'émetteur";
            case SIGNED_BY_PRODUCER -> "signé par l'émetteur, en attente d'enlèvement";
            case SENT -> "pris en charge par le transporteur";
            case RECEIVED -> "reçu par l'installation de destination";
            case ACCEPTED -> "accepté par l'installation de destination";
            case REFUSED -> "refusé";
            case PROCESSED -> "traité";
            case FOLLOWED_WITH_PNTTD -> "traité, suivi hors de France (PNTTD)";
            case NO_TRACEABILITY -> "traité, avec rupture de traçabilité";
            case AWAITING_GROUP -> "en attente de regroupement";
            case GROUPED -> "regroupé";
            case TEMP_STORED -> "reçu à l'entreposage provisoire";
            case TEMP_STORER_ACCEPTED -> "accepté à l'entreposage provisoire";
            case RESEALED -> "entreposage provisoire : bordereau complété";
            case SIGNED_BY_TEMP_STORER -> "signé par l'entreposage provisoire, en attente d'enlèvement";
            case RESENT -> "réexpédié depuis l'entreposage provisoire";
            case CANCELED -> "annulé";
        };
    }
}
