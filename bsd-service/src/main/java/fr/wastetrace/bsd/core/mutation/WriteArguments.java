package fr.wastetrace.bsd.core.mutation;

/** The descriptions of the write arguments every type's mutations add to the reference's ({@link WriteOptions}). */
public final class WriteArguments {
    public static final String DRY_RUN = "Valider sans enregistrer : les mêmes contrôles et les mêmes erreurs que la "
            + "mutation, la même réponse, mais rien n'est écrit (ni bordereau, ni événement, ni historique).";
    public static final String EXPECTED_VERSION = "La version du bordereau (wastetraceVersion) sur laquelle porte la "
            + "modification : si le bordereau a changé depuis, elle est refusée (BAD_USER_INPUT) au lieu d'écraser "
            + "le changement d'un autre.";
    public static final String MANY_IDS = "Les identifiants des bordereaux, de 1 à " + Writes.MAX_MANY
            + " ; chacun est traité dans sa propre transaction.";

    private WriteArguments() {
    }
}
