package fr.wastetrace.bsd.bsda.model;

import org.eclipse.microprofile.graphql.Enum;

/** The BSDA's signatures. */
@Enum("BsdaSignatureType")
public enum BsdaSignatureType {
    EMISSION, WORK, TRANSPORT, RECEPTION, OPERATION
}
