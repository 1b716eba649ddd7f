package fr.wastetrace.registry;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.KafkaEvents;
import fr.wastetrace.testing.TestIdentity;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/** Test setup through the real topics (as bsd-service and company-service would publish) and reads of the database. */
@ApplicationScoped
public class RegistryFixture {
    @Inject
    RegistryConfig config;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaEvents kafka;

    public synchronized KafkaEvents kafka() {
        if (kafka == null) {
            kafka = new KafkaEvents(bootstrap);
        }
        return kafka;
    }

    public void publish(EventEnvelope event) {
        kafka().send(config.topics().bsdEvents(), event.aggregateId(), EventCodec.encode(event));
    }

    public void publishRaw(String key, String value) {
        kafka().send(config.topics().bsdEvents(), key, value);
    }

    /** Publishes a company with one member per (subject, role) pair, and waits until the read model has it. */
    public void company(String companyId, String siret, long version, Map<String, UserRole> members) {
        List<CompanyState.Member> list = new ArrayList<>();
        members.forEach((subject, role) -> list.add(new CompanyState.Member("user-" + subject, subject, subject + "@example.org", role)));
        CompanyState state = new CompanyState(companyId, siret, siret, null, "Établissement " + siret, null, "1 rue X 75001 Paris",
                List.of("PRODUCER"), false, list);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), CompanyState.UPSERTED, CompanyState.AGGREGATE_TYPE, companyId, version,
                Instant.now(), CompanyState.SCHEMA_VERSION, EventCodec.mapper().valueToTree(state));
        kafka().send(config.topics().companyEvents(), companyId, EventCodec.encode(event));
        await("company " + companyId + " v" + version, () -> longValue("select version from company_access where company_id = ?", companyId) >= version);
    }

    /** Waits until the projection applied (or recorded) this version of the aggregate. */
    public void awaitApplied(String aggregateId, long version) {
        await(aggregateId + " v" + version, () -> longValue("select version from applied_bsd_event where aggregate_id = ?", aggregateId) >= version);
    }

    public long longValue(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A register line's fields (every column but the key, the BSD and the version) as text, in SQL. */
    public static final String LINE_TEXT = "(to_jsonb(register_line) - 'register' - 'org_id' - 'document_id' - 'bsd_id' "
            + "- 'version' - 'sort_at')::text";

    /** The lines of some BSDs, one string per line (key and content), sorted: equal snapshots mean equal registers. */
    public List<String> snapshot(String bsdIdPrefix) {
        return strings("select register || '|' || org_id || '|' || document_id || '|' || sort_at || '|' || " + LINE_TEXT
                + " from register_line where bsd_id like ? order by 1", bsdIdPrefix + "%");
    }

    public static ValidatableResponse graphql(String subject, String query, Map<String, ?> variables) {
        String identity = subject == null ? TestIdentity.anonymous() : TestIdentity.user(subject, subject + "@example.org", subject);
        return given().contentType("application/json").header(TestIdentity.HEADER, identity)
                .body(Gql.body(query, variables)).post("/graphql").then().statusCode(200);
    }

    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still waiting for " + what + " after 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
