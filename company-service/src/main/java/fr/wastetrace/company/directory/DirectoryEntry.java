package fr.wastetrace.company.directory;

/**
 * One establishment of the SIRENE directory.
 *
 * @param etatAdministratif {@code A} active, {@code F} closed
 * @param statutDiffusion   {@code O} public, {@code P} (or legacy {@code N}) partially hidden
 */
public record DirectoryEntry(String siret, String siren, String name, String address, Address addressParts,
                             String codeCommune, String codePaysEtranger, String naf, String etatAdministratif,
                             String statutDiffusion) {

    public record Address(String voie, String postalCode, String city) {
    }

    public boolean isClosed() {
        return "F".equals(etatAdministratif);
    }

    public boolean isPublic() {
        return "O".equals(statutDiffusion);
    }
}
