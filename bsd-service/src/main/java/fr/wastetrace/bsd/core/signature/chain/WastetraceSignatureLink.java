package fr.wastetrace.bsd.core.signature.chain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One link of a BSD's signature chain, as {@code wastetraceSignatureChain} shows it. */
@Type("WastetraceSignatureLink")
@Description("Extension wastetrace : une signature du bordereau et son maillon dans la chaîne d'empreintes "
        + "(SHA-256).")
public class WastetraceSignatureLink {
    @Description("Rang de la signature sur le bordereau (1 pour la première).")
    public int position;
    @Description("Type de signature, tel que l'API du type de bordereau le nomme (EMISSION, TRANSPORT, "
            + "markAsReceived…).")
    public @NonNull String signatureType;
    public @NonNull Instant signedAt;
    @Description("Nom du signataire inscrit sur le bordereau.")
    public @NonNull String author;
    @Description("Identifiant (sub) de l'utilisateur qui a signé.")
    public @NonNull String subject;
    @Description("SIRET ou numéro de TVA de l'établissement pour lequel la signature a été apposée.")
    public @NonNull String orgId;
    @Description("Empreinte du maillon précédent (valeur fixe « genesis » pour la première signature).")
    public @NonNull String previousHash;
    @Description("SHA-256 du contenu du bordereau (JSON canonique) au moment de la signature.")
    public @NonNull String contentHash;
    @Description("SHA-256 du maillon : empreinte précédente, contenu, type, date, auteur, utilisateur, "
            + "établissement.")
    public @NonNull String hash;
    @Description("Le maillon se vérifie (contenu et empreintes recalculés).")
    public boolean valid;
}
