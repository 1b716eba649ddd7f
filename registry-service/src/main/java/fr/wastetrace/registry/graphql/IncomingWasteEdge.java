package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("IncomingWasteEdge")
public class IncomingWasteEdge {
    public @NonNull String cursor;
    public @NonNull IncomingWaste node;

    public IncomingWasteEdge(String cursor, IncomingWaste node) {
        this.cursor = cursor;
        this.node = node;
    }
}
