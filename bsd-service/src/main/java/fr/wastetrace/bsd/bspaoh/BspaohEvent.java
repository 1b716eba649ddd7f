package fr.wastetrace.bsd.bspaoh;

/** What moves a BSPAOH through its lifecycle: its publication, then each signature. */
public enum BspaohEvent {
    PUBLISH, EMISSION, TRANSPORT, DELIVERY, RECEPTION, OPERATION
}
