package fr.wastetrace.company.webhook;

import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.subgraph.ApiException;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * The reference's five webhook operations, and three additions of this platform, prefixed {@code wastetrace} so that
 * they can never clash with a future reference name: the signing secret of a setting, its last delivery attempts,
 * and a test delivery.
 */
@GraphQLApi
public class WebhookSettingApi {
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_ATTEMPTS = 100;

    @Inject
    Users users;
    @Inject
    WebhookSettings settings;
    @Inject
    DeliveryService deliveries;

    @Query("webhooksetting")
    @Description("Renvoie un webhook d'un établissement dont vous êtes administrateur.")
    @Transactional
    public @NonNull WebhookSetting webhooksetting(@NonNull @Id @Name("id") String id) {
        return WebhookSetting.of(settings.editable(users.current(), id, LockModeType.NONE));
    }

    @Query("webhooksettings")
    @Description("Renvoie les webhooks des établissements dont vous êtes administrateur, du plus récent au plus ancien.")
    @Transactional
    public @NonNull WebhookSettingConnection webhooksettings(@Id @Name("after") String after,
                                                             @Name("first") Integer first,
                                                             @Id @Name("before") String before,
                                                             @Name("last") Integer last) {
        List<WebhookSettingEntity> all = settings.administeredBy(users.current());
        int from = 0;
        int to = all.size();
        if (after != null) {
            from = indexOf(all, after) + 1;
        }
        if (before != null) {
            to = Math.max(from, indexOf(all, before));
        }
        if (first != null) {
            to = Math.min(to, from + Math.max(0, first));
        } else if (last != null) {
            from = Math.max(from, to - Math.max(0, last));
        } else {
            to = Math.min(to, from + DEFAULT_PAGE);
        }
        List<WebhookSetting> page = all.subList(from, to).stream().map(WebhookSetting::of).toList();
        WebhookSettingConnection connection = new WebhookSettingConnection();
        connection.totalCount = all.size();
        connection.edges = page.stream().map(WebhookSettingConnection.Edge::new).toList();
        connection.pageInfo = new PageInfo();
        connection.pageInfo.startCursor = page.isEmpty() ? null : page.get(0).id;
        connection.pageInfo.endCursor = page.isEmpty() ? null : page.get(page.size() - 1).id;
        connection.pageInfo.hasNextPage = to < all.size();
        connection.pageInfo.hasPreviousPage = from > 0;
        return connection;
    }

    private static int indexOf(List<WebhookSettingEntity> all, String id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id.equals(id)) {
                return i;
            }
        }
        throw new ApiException.BadUserInput("Le webhook avec l'identifiant \"" + id + "\" n'existe pas.");
    }

    @Mutation("createWebhookSetting")
    @Description("Crée le webhook d'un établissement (administrateurs) : chaque création, modification ou suppression "
            + "d'un bordereau qui le vise est envoyée à endpointUri, avec l'en-tête « Authorization: Bearer: <token> ».")
    @Transactional
    public @NonNull WebhookSetting createWebhookSetting(@NonNull @Name("input") WebhookSettingCreateInput input) {
        return WebhookSetting.of(settings.create(users.current(), input));
    }

    @Mutation("updateWebhookSetting")
    @Description("Modifie l'URL, le token ou l'activation d'un webhook (administrateurs) ; l'établissement ne change pas. "
            + "Réactive un webhook désactivé après des échecs répétés.")
    @Transactional
    public @NonNull WebhookSetting updateWebhookSetting(@NonNull @Id @Name("id") String id,
                                                        @NonNull @Name("input") WebhookSettingUpdateInput input) {
        return WebhookSetting.of(settings.update(users.current(), id, input));
    }

    @Mutation("deleteWebhookSetting")
    @Description("Supprime un webhook (administrateurs) ; renvoie le webhook supprimé.")
    @Transactional
    public WebhookSetting deleteWebhookSetting(@NonNull @Id @Name("id") String id) {
        return WebhookSetting.of(settings.delete(users.current(), id));
    }

    @Name("wastetraceSigningSecret")
    @Description("Extension wastetrace : la clé de la signature des envois (en-tête X-Wastetrace-Signature, "
            + "HMAC-SHA256 de « <t>.<corps> »), pour vérifier leur origine.")
    @Transactional
    public @NonNull String wastetraceSigningSecret(@Source WebhookSetting setting) {
        return settings.signingSecret(settings.editable(users.current(), setting.id, LockModeType.NONE));
    }

    @Query("wastetraceWebhookDeliveries")
    @Description("Extension wastetrace : les dernières tentatives d'envoi d'un webhook (administrateurs), de la plus "
            + "récente à la plus ancienne.")
    @Transactional
    public @NonNull List<@NonNull WebhookDelivery> wastetraceWebhookDeliveries(@NonNull @Id @Name("id") String id,
                                                                                @Name("first") Integer first) {
        WebhookSettingEntity setting = settings.editable(users.current(), id, LockModeType.NONE);
        int count = first == null ? 20 : Math.max(1, Math.min(first, MAX_ATTEMPTS));
        return deliveries.attempts(setting.id, count);
    }

    @Mutation("wastetraceTestWebhookSetting")
    @Description("Extension wastetrace : envoie à l'URL du webhook un test signé, [{\"action\":\"PING\",\"id\":\"<id du "
            + "webhook>\"}], et renvoie le résultat (administrateurs).")
    @Transactional
    public @NonNull WebhookDelivery wastetraceTestWebhookSetting(@NonNull @Id @Name("id") String id) {
        WebhookSettingEntity setting = settings.editable(users.current(), id, LockModeType.NONE);
        return deliveries.ping(setting.id, setting.version).orElseThrow(() -> new ApiException.BadUserInput(
                "Le webhook « " + id + " » vient d'être modifié et n'est pas encore pris en compte par l'envoi : "
                        + "réessayez dans quelques secondes."));
    }
}
