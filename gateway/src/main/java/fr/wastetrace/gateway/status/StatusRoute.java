package fr.wastetrace.gateway.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.status.ComponentState.State;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /status}: the public status page, without login. Browsers (Accept: text/html) get a page, everything
 * else JSON. It shows only states, lags, uptimes and French notes: no address, version, error message or data.
 */
@ApplicationScoped
public class StatusRoute {
    private static final DateTimeFormatter PARIS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    @Inject
    StatusProbe probe;
    @Inject
    UptimeStore uptime;
    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        router.get("/status").blockingHandler(this::status, false);
    }

    /** The page's content, as the JSON answer carries it. */
    Map<String, Object> body() {
        StatusProbe.Snapshot snapshot = probe.latest();
        Optional<UptimeStore.Uptime> figures = uptime.uptime(probe.componentIds());
        List<Map<String, Object>> components = new ArrayList<>();
        List<String> down = new ArrayList<>();
        boolean allUp = true;
        for (ComponentState c : snapshot.components()) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", c.id());
            component.put("name", c.name());
            component.put("status", c.state().name());
            component.put("statusLabel", c.state().label());
            component.put("lagMillis", c.lagMillis());
            component.put("note", c.note());
            component.put("uptime24h", figures.map(f -> f.last24Hours().get(c.id())).orElse(null));
            component.put("uptime90d", figures.map(f -> f.last90Days().get(c.id())).orElse(null));
            components.add(component);
            allUp &= c.state() == State.UP;
            if (c.state() == State.DOWN) {
                down.add(c.name());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : down.isEmpty() ? "DEGRADED" : "DOWN");
        body.put("message", allUp ? "Tous les services fonctionnent normalement."
                : down.isEmpty() ? "Service partiellement dégradé." : "Perturbation en cours : " + String.join(", ", down)
                + (down.size() > 1 ? " indisponibles." : " indisponible."));
        body.put("checkedAt", snapshot.checkedAt().toString());
        body.put("uptimeMeasuredSince", figures.map(f -> f.measuredSince().toString()).orElse(null));
        body.put("components", components);
        return body;
    }

    private void status(RoutingContext ctx) {
        Map<String, Object> body = body();
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (accept != null && accept.contains("text/html")) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(html(body));
            return;
        }
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String html(Map<String, Object> body) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"30\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>État des services – wastetrace</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#161616}")
                .append("table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}")
                .append(".UP{color:#18753c}.DEGRADED{color:#b34000}.DOWN{color:#ce0500}.UNKNOWN{color:#666}")
                .append(".banner{padding:1rem;border-radius:4px;margin-bottom:1.5rem;font-weight:bold;background:#f6f6f6}")
                .append("</style></head><body><h1>État des services</h1>");
        page.append("<p class=\"banner ").append(esc(body.get("status"))).append("\">").append(esc(body.get("message")))
                .append("</p><p>Dernière vérification : ").append(esc(paris(body.get("checkedAt")))).append("</p>");
        page.append("<table><thead><tr><th>Composant</th><th>État</th><th>Retard</th><th>Disponibilité 24 h</th>")
                .append("<th>Disponibilité 90 jours</th></tr></thead><tbody>");
        for (Map<String, Object> c : (List<Map<String, Object>>) body.get("components")) {
            page.append("<tr data-component=\"").append(esc(c.get("id"))).append("\"><td>").append(esc(c.get("name")))
                    .append("</td><td class=\"").append(esc(c.get("status"))).append("\">").append(esc(c.get("statusLabel")));
            if (c.get("note") != null) {
                page.append(" <small>(").append(esc(c.get("note"))).append(")</small>");
            }
            page.append("</td><td>").append(c.get("lagMillis") == null ? "–" : esc(lag((Long) c.get("lagMillis"))))
                    .append("</td><td>").append(percent(c.get("uptime24h"))).append("</td><td>")
                    .append(percent(c.get("uptime90d"))).append("</td></tr>");
        }
        page.append("</tbody></table><p><small>Disponibilité : part des minutes où le composant répondait, mesurée par la ")
                .append("plateforme elle-même");
        if (body.get("uptimeMeasuredSince") != null) {
            page.append(" depuis le ").append(esc(paris(body.get("uptimeMeasuredSince"))));
        }
        page.append(". Retard : délai mesuré le plus récent entre l'enregistrement d'une modification et son traitement.")
                .append(" Version machine : <code>GET /status</code> avec <code>Accept: application/json</code>.</small></p>")
                .append("</body></html>");
        return page.toString();
    }

    private static String paris(Object iso) {
        return iso == null ? "" : PARIS.format(Instant.parse(iso.toString()));
    }

    private static String lag(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.FRANCE, "%.1f s", millis / 1000.0);
    }

    private static String percent(Object value) {
        return value == null ? "–" : String.format(Locale.FRANCE, "%.2f %%", ((Number) value).doubleValue());
    }

    private static String esc(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : value.toString().toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
