package fr.wastetrace.bsd.bsdasri.model;

/** The containers of infectious healthcare waste. */
public enum BsdasriPackagingType {
    BOITE_CARTON, FUT, BOITE_PERFORANTS, GRAND_EMBALLAGE, GRV, AUTRE
}
