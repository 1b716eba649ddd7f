package fr.wastetrace.company.webhook;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("WebhookSettingConnection")
public class WebhookSettingConnection {
    @NonNull
    public int totalCount;
    @NonNull
    public PageInfo pageInfo;
    @NonNull
    public List<@NonNull Edge> edges;

    @Type("WebhookSettingEdge")
    public static class Edge {
        @NonNull
        public String cursor;
        @NonNull
        public WebhookSetting node;

        Edge(WebhookSetting node) {
            this.cursor = node.id;
            this.node = node;
        }
    }
}
