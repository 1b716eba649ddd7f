package fr.wastetrace.outbox;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the relay's source offsets in a table of the database it reads ({@code cdc_offset}), so that they live as
 * long as the replication slot they describe, outside any container. A restarted relay resumes where it stopped.
 *
 * <p>Configured through the engine properties {@code offset.storage.jdbc.url}, {@code .user}, {@code .password} and
 * {@code offset.storage.jdbc.store} (the row key, one per relay).
 */
public class JdbcOffsetBackingStore extends MemoryOffsetBackingStore {
    static final String URL = "offset.storage.jdbc.url";
    static final String USER = "offset.storage.jdbc.user";
    static final String PASSWORD = "offset.storage.jdbc.password";
    static final String STORE = "offset.storage.jdbc.store";

    private String url;
    private String user;
    private String password;
    private String store;
    /** The connection offsets are written on, opened at the first write (guarded by this store's lock). */
    private Connection connection;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> originals = config.originalsStrings();
        url = require(originals, URL);
        user = originals.get(USER);
        password = originals.get(PASSWORD);
        store = require(originals, STORE);
    }

    private static String require(Map<String, String> originals, String key) {
        String value = originals.get(key);
        if (value == null || value.isBlank()) {
            throw new ConnectException(key + " is required");
        }
        return value;
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "select offset_key, offset_value from cdc_offset where store = ?")) {
            select.setString(1, store);
            Map<ByteBuffer, ByteBuffer> loaded = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] value = rows.getBytes(2);
                    loaded.put(ByteBuffer.wrap(rows.getBytes(1)), value == null ? null : ByteBuffer.wrap(value));
                }
            }
            data.putAll(loaded);
        } catch (SQLException e) {
            throw new ConnectException("could not load the relay offsets", e);
        }
    }

    /**
     * Writes the offsets on the store's own connection, kept open between flushes (one a second under load):
     * opening one per flush cost a password exchange (SCRAM) on both sides and a new PostgreSQL backend each time.
     * A connection that fails is closed and the write is tried once more on a new one.
     */
    @Override
    protected synchronized void save() {
        try {
            upsert(connection());
        } catch (SQLException first) {
            closeConnection();
            try {
                upsert(connection());
            } catch (SQLException e) {
                closeConnection();
                e.addSuppressed(first);
                throw new ConnectException("could not save the relay offsets", e);
            }
        }
    }

    private void upsert(Connection connection) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into cdc_offset (store, offset_key, offset_value, updated_at) values (?, ?, ?, now()) "
                        + "on conflict (store, offset_key) do update set offset_value = excluded.offset_value, "
                        + "updated_at = now()")) {
            for (Map.Entry<ByteBuffer, ByteBuffer> entry : Set.copyOf(data.entrySet())) {
                upsert.setString(1, store);
                upsert.setBytes(2, bytes(entry.getKey()));
                upsert.setBytes(3, entry.getValue() == null ? null : bytes(entry.getValue()));
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is closed by the caller
            }
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        closeConnection();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connect();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
