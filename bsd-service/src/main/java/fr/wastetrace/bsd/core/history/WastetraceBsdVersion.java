package fr.wastetrace.bsd.core.history;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** One version of a BSD, as {@code wastetraceVersions} lists it. */
@Type("WastetraceBsdVersion")
@Description("Une version d'un bordereau : qui l'a écrite, quand, et quels champs elle a changés.")
public class WastetraceBsdVersion {
    @NonNull
    @Description("Le numéro de la version (1 : la création ; wastetraceVersion du bordereau : la dernière).")
    public int version;
    @NonNull
    @Description("Quand elle a été écrite.")
    public Instant writtenAt;
    @Id
    @Description("L'identifiant de l'utilisateur qui l'a écrite (vide pour une écriture du système).")
    public String userId;
    @Description("L'adresse électronique de cet utilisateur au moment de l'écriture.")
    public String userEmail;
    @Description("Les chemins des champs que cette version a changés par rapport à la précédente (vide pour la "
            + "création) ; absent quand la version précédente n'est pas connue (bordereau antérieur à l'historique).")
    public List<@NonNull String> changedFields;
}
