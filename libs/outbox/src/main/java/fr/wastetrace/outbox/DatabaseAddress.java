package fr.wastetrace.outbox;

import java.net.URI;

/** Host, port and database of a {@code jdbc:postgresql://host[:port]/database[?…]} URL, with its credentials. */
record DatabaseAddress(String jdbcUrl, String host, int port, String name, String user, String password) {

    static DatabaseAddress parse(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath();
        if (uri.getHost() == null || path == null || path.length() < 2) {
            throw new IllegalArgumentException("the JDBC URL must name a host and a database: " + jdbcUrl);
        }
        return new DatabaseAddress(jdbcUrl, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path.substring(1),
                user, password);
    }
}
