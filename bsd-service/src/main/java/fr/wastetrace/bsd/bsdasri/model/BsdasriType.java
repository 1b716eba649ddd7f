package fr.wastetrace.bsd.bsdasri.model;

/** A simple BSDASRI, one grouping several awaiting ones, or a transporter's synthesis of the ones it carries. */
public enum BsdasriType {
    SIMPLE, GROUPING, SYNTHESIS
}
