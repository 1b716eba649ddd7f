package fr.wastetrace.events;

/** Default names of the platform's Kafka topics. Each service can override them in its configuration. */
public final class Topics {
    /** BSD change events, keyed by BSD id. Produced by bsd-service's outbox relay. */
    public static final String BSD_EVENTS = "wastetrace.bsd.events";
    /** Company, membership and token events, keyed by company id. Produced by company-service's outbox relay. */
    public static final String COMPANY_EVENTS = "wastetrace.company.events";
    /** Register lines, keyed by (register, company, BSD), for consumers of the national registry feed. */
    public static final String REGISTRY_LINES = "wastetrace.registry.lines";
    /** Events a projection could not apply after bounded retries. */
    public static final String BSD_EVENTS_DLT = "wastetrace.bsd.events.dlt";

    private Topics() {
    }
}
