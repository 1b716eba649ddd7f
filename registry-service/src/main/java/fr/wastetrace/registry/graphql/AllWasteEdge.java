package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AllWasteEdge")
public class AllWasteEdge {
    public @NonNull String cursor;
    public @NonNull AllWaste node;

    public AllWasteEdge(String cursor, AllWaste node) {
        this.cursor = cursor;
        this.node = node;
    }
}
