package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TransportedWasteEdge")
public class TransportedWasteEdge {
    public @NonNull String cursor;
    public @NonNull TransportedWaste node;

    public TransportedWasteEdge(String cursor, TransportedWaste node) {
        this.cursor = cursor;
        this.node = node;
    }
}
