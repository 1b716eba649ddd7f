package fr.wastetrace.bsd.bspaoh.model;

/** The consistence of a packaging's content. */
public enum BspaohConsistence {
    SOLIDE, LIQUIDE
}
