package fr.wastetrace.gateway.status;

/**
 * The state of one component as the status page shows it. Nothing in it is private: no address, no error message
 * of a service, only a state, a lag and a short French note.
 *
 * @param id        stable identifier, e.g. {@code bsd-service}
 * @param name      French label
 * @param state     {@link State}
 * @param lagMillis the delay the component last measured between a change's commit and its handling; null when the
 *                  component has none or has not measured one yet
 * @param note      French detail, or null
 */
public record ComponentState(String id, String name, State state, Long lagMillis, String note) {
    public enum State {
        UP("opérationnel"), DEGRADED("dégradé"), DOWN("indisponible"), UNKNOWN("inconnu");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Counted as available in the uptime samples. */
        public boolean available() {
            return this == UP || this == DEGRADED;
        }
    }
}
