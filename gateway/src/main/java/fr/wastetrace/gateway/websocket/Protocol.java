package fr.wastetrace.gateway.websocket;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two GraphQL-over-WebSocket protocols the gateway speaks with clients, by their subprotocol name: the current
 * {@code graphql-transport-ws} (the graphql-ws library) and the legacy {@code graphql-ws} of Apollo's
 * subscriptions-transport-ws, which clients of the reference API's era use. They differ in the names of the messages.
 */
enum Protocol {
    TRANSPORT("graphql-transport-ws", "subscribe", "complete", "next"),
    LEGACY("graphql-ws", "start", "stop", "data");

    /** The subprotocol name, as offered in {@code Sec-WebSocket-Protocol}. */
    final String subprotocol;
    /** Client → server: start an operation. */
    final String start;
    /** Client → server: stop an operation. */
    final String stop;
    /** Server → client: a result of an operation. */
    final String result;

    Protocol(String subprotocol, String start, String stop, String result) {
        this.subprotocol = subprotocol;
        this.start = start;
        this.stop = stop;
        this.result = result;
    }

    static Optional<Protocol> of(String subprotocol) {
        return Arrays.stream(values()).filter(p -> p.subprotocol.equals(subprotocol)).findFirst();
    }
}
