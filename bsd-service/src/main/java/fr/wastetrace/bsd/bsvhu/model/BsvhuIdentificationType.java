package fr.wastetrace.bsd.bsvhu.model;

/** How the vehicles are identified. */
public enum BsvhuIdentificationType {
    NUMERO_ORDRE_REGISTRE_POLICE, NUMERO_ORDRE_LOTS_SORTANTS, NUMERO_IMMATRICULATION, NUMERO_FICHE_DROMCOM
}
