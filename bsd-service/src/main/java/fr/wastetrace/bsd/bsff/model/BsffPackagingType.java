package fr.wastetrace.bsd.bsff.model;

/** The kinds of container. */
public enum BsffPackagingType {
    BOUTEILLE, CONTENEUR, CITERNE, AUTRE
}
