package fr.wastetrace.company.directory;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** A notice filed by a user, as platform administrators review it (an addition to the reference API). */
@Type("WastetraceAnonymousCompanyRequest")
@Description("Extension wastetrace : un avis de situation déposé par un utilisateur (createAnonymousCompanyFromPDF), "
        + "en attente de vérification, accepté ou refusé.")
public class AnonymousCompanyRequest {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String siret;
    @NonNull
    public String name;
    @NonNull
    public String address;
    @NonNull
    public String naf;
    @NonNull
    @Description("La date de l'avis de situation (AAAA-MM-JJ).")
    public String noticeDate;
    @NonNull
    public AnonymousCompanyRequestStatus status;
    @Description("Qui a vérifié la demande acceptée : DIRECTORY (le répertoire SIRENE officiel) ou ADMIN.")
    public String verifiedBy;
    @NonNull
    @Description("L'adresse e-mail de l'utilisateur qui a déposé l'avis.")
    public String requestedBy;
    @Description("Le motif du refus, s'il a été donné.")
    public String decisionReason;
    @NonNull
    public OffsetDateTime createdAt;
    public OffsetDateTime decidedAt;
}
