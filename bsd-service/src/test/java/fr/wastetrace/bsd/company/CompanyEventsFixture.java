package fr.wastetrace.bsd.company;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.testing.KafkaEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Sets up companies and memberships the way production does: by publishing company-service's events to the real
 * company topic, then waiting until bsd-service's read model holds them.
 */
public final class CompanyEventsFixture implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaEvents kafka;
    private final String topic;

    public CompanyEventsFixture(String bootstrap, String topic) {
        this.kafka = new KafkaEvents(bootstrap);
        this.topic = topic;
    }

    /** Publishes {@code company.upserted}. */
    public void upsert(String companyId, long version, CompanyState state) {
        send(new EventEnvelope(UUID.randomUUID(), CompanyState.UPSERTED, CompanyState.AGGREGATE_TYPE, companyId, version,
                Instant.now(), CompanyState.SCHEMA_VERSION, EventCodec.mapper().valueToTree(state)));
    }

    public void delete(String companyId, long version) {
        send(new EventEnvelope(UUID.randomUUID(), CompanyState.DELETED, CompanyState.AGGREGATE_TYPE, companyId, version,
                Instant.now(), CompanyState.SCHEMA_VERSION, EventCodec.mapper().createObjectNode()));
    }

    private void send(EventEnvelope event) {
        kafka.send(topic, event.aggregateId(), EventCodec.encode(event));
    }

    /** Publishes a record that is not an event envelope at all. */
    public void sendRaw(String key, String value) {
        kafka.send(topic, key, value);
    }

    public static CompanyState company(String siret, String name, List<String> types, List<CompanyState.Member> members,
                                       Integer securityCode, CompanyState.Receipt transporterReceipt) {
        return company(siret, name, types, List.of(), List.of(), members, securityCode, transporterReceipt);
    }

    /** A company with its collector and waste-processor sub-profiles (what a destination may take). */
    public static CompanyState company(String siret, String name, List<String> types, List<String> collectorTypes,
                                       List<String> wasteProcessorTypes, List<CompanyState.Member> members,
                                       Integer securityCode, CompanyState.Receipt transporterReceipt) {
        return company(siret, false, name, types, collectorTypes, wasteProcessorTypes, members, securityCode,
                transporterReceipt);
    }

    /** A company known by its SIRET, or a foreign one by its VAT number ({@code foreign}: no SIRET). */
    public static CompanyState company(String orgId, boolean foreign, String name, List<String> types,
                                       List<String> collectorTypes, List<String> wasteProcessorTypes,
                                       List<CompanyState.Member> members, Integer securityCode,
                                       CompanyState.Receipt transporterReceipt) {
        return new CompanyState("company-" + orgId, orgId, foreign ? null : orgId, foreign ? orgId : null, name, null,
                "1 rue de la Paix 75002 Paris", types, false, members, securityCode, null, null, null, collectorTypes,
                wasteProcessorTypes, List.of(), transporterReceipt, null, null, null, null, null, null, null);
    }

    public static CompanyState.Member member(String subject, UserRole role) {
        return new CompanyState.Member("user-" + subject, subject, subject + "@wastetrace.test", role);
    }

    /** Waits until the read model shows {@code subject} with {@code role} in {@code orgId}. */
    public static void awaitRole(CompanyDirectory directory, String subject, String orgId, UserRole role) {
        CallerIdentity caller = new CallerIdentity(subject, subject + "@wastetrace.test", null,
                CallerIdentity.AuthType.JWT, "127.0.0.1", Instant.now().plusSeconds(60));
        await(() -> role == directory.companiesOf(caller).roles().get(orgId), "role " + role + " of " + subject + " in " + orgId);
    }

    public static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the read model never showed " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
