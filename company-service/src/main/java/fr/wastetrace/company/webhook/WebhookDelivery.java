package fr.wastetrace.company.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** One attempt to deliver to a setting's endpoint (beyond the reference API, hence the prefixed name). */
@Type("WastetraceWebhookDelivery")
@Description("Une tentative d'envoi vers l'URL d'un webhook (extension de wastetrace, absente de l'API Trackdéchets).")
public class WebhookDelivery {
    @NonNull
    @Description("Date de la tentative")
    public OffsetDateTime attemptedAt;
    @NonNull
    @Description("CREATED, UPDATED, DELETED, ou PING pour un test")
    public String action;
    @NonNull
    @Description("Identifiant lisible du bordereau (identifiant du webhook pour un PING)")
    public String readableId;
    @NonNull
    @Description("Numéro de la tentative pour cet envoi (1 pour le premier essai)")
    public int attempt;
    @Description("Code HTTP de la réponse, absent si aucune réponse n'est arrivée")
    public Integer httpStatus;
    @NonNull
    @Description("DELIVERED, HTTP_ERROR, TIMEOUT, CONNECTION_ERROR, REFUSED_ADDRESS ou RESPONSE_TOO_LARGE")
    public String outcome;
    @NonNull
    @Description("Durée de l'appel en millisecondes")
    public int latencyMs;
}
