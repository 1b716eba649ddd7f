package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("OutgoingWasteEdge")
public class OutgoingWasteEdge {
    public @NonNull String cursor;
    public @NonNull OutgoingWaste node;

    public OutgoingWasteEdge(String cursor, OutgoingWaste node) {
        this.cursor = cursor;
        this.node = node;
    }
}
