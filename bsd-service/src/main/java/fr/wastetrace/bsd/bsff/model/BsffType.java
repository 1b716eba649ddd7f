package fr.wastetrace.bsd.bsff.model;

/** The kinds of BSFF (collection by an operator, any other holder) and the follow-ups issued by a transit site. */
public enum BsffType {
    COLLECTE_PETITES_QUANTITES, TRACER_FLUIDE, GROUPEMENT, RECONDITIONNEMENT, REEXPEDITION
}
