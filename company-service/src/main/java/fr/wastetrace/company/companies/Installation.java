package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * A classified installation (ICPE) of a company. The platform holds no ICPE data yet, so {@code installation} is
 * always null; the type is declared so that clients written for the reference schema validate.
 */
@Type("Installation")
public class Installation {
    public String codeS3ic;
    public String urlFiche;
    public List<@NonNull Rubrique> rubriques;
    public List<@NonNull Declaration> declarations;

    @Type("Rubrique")
    public static class Rubrique {
        @NonNull
        public String rubrique;
        public String alinea;
        public String etatActivite;
        public String regimeAutorise;
        public String activite;
        @NonNull
        public String category;
        public String volume;
        public String unite;
        public WasteType wasteType;
    }

    @Type("Declaration")
    public static class Declaration {
        public String annee;
        public String codeDechet;
        public String libDechet;
        public GerepType gerepType;
    }

    @org.eclipse.microprofile.graphql.Enum("GerepType")
    public enum GerepType {
        Producteur, Traiteur
    }

    @org.eclipse.microprofile.graphql.Enum("WasteType")
    public enum WasteType {
        INERTE, NOT_DANGEROUS, DANGEROUS
    }
}
