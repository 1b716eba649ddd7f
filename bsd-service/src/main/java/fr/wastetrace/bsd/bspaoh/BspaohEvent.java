package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.BspaohSignatureType;

/** What moves a BSPAOH through its lifecycle: its publication, then each signature. */
public enum BspaohEvent {
    PUBLISH, EMISSION, TRANSPORT, DELIVERY, RECEPTION, OPERATION;

    static BspaohEvent of(BspaohSignatureType signature) {
        return valueOf(signature.name());
    }
}
