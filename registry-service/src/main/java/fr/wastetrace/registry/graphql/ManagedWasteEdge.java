package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ManagedWasteEdge")
public class ManagedWasteEdge {
    public @NonNull String cursor;
    public @NonNull ManagedWaste node;

    public ManagedWasteEdge(String cursor, ManagedWaste node) {
        this.cursor = cursor;
        this.node = node;
    }
}
