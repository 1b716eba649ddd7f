package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Frames 13 to 19. */
@Input("TemporaryStorageDetailInput")
public class TemporaryStorageDetailInput {
    public DestinationInput destination;
}
