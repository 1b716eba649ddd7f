package fr.wastetrace.company.companies;

import fr.wastetrace.company.Api;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.AccessTokenRevoked;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed change of a company or its members reaches Kafka as the company's full state, in version order. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class CompanyEventsQuarkusTest {
    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void companyChangesArePublishedWithTheFullStateInVersionOrder() throws Exception {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        String id = company[0];
        String siret = company[1];
        Api.User member = Api.newUser();
        Api.addMember(admin, siret, member, "DRIVER");
        String memberId = Api.userId(member);
        ok(admin, "mutation($u: ID!, $o: ID!) { changeUserRole(userId: $u, orgId: $o, role: MEMBER) { role } }",
                Map.of("u", memberId, "o", siret));
        int code = ok(admin, "mutation($s: String!) { renewSecurityCode(siret: $s) { securityCode } }", Map.of("s", siret))
                .getInt("renewSecurityCode.securityCode");
        ok(admin, "mutation($id: String!) { updateCompany(id: $id, contactPhone: \"0400000001\") { id } }", Map.of("id", id));
        ok(admin, "mutation($u: ID!, $s: String!) { removeUserFromCompany(userId: $u, siret: $s) { id } }",
                Map.of("u", memberId, "s", siret));
        // A refused change publishes nothing.
        Api.errorCode(member, "mutation($id: String!) { updateCompany(id: $id, contact: \"refusé\") { id } }", Map.of("id", id));

        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, topic, id, 6, Duration.ofSeconds(60));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), events.stream().map(EventEnvelope::version).toList());
        events.forEach(e -> assertEquals(CompanyState.UPSERTED, e.type()));
        List<CompanyState> states = new ArrayList<>();
        for (EventEnvelope event : events) {
            states.add(EventCodec.mapper().treeToValue(event.payload(), CompanyState.class));
        }
        assertEquals(List.of("ADMIN"), states.get(0).members().stream().map(m -> m.role().name()).toList());
        assertEquals(admin.subject(), states.get(0).members().get(0).subject());
        assertEquals(siret, states.get(0).orgId());
        assertEquals(List.of("PRODUCER"), states.get(0).companyTypes());
        assertEquals("DRIVER", roleOf(states.get(1), member));
        assertEquals("MEMBER", roleOf(states.get(2), member));
        assertEquals(code, states.get(3).securityCode());
        assertEquals("0400000001", states.get(4).contactPhone());
        assertEquals(1, states.get(5).members().size());
    }

    @Test
    void revokedTokensArePublished() {
        Api.User user = Api.newUser();
        String tokenId = ok(user, "mutation { createAccessToken(input: {description: \"à révoquer\"}) { id } }", Map.of())
                .getString("createAccessToken.id");
        ok(user, "mutation($id: ID!) { revokeAccessToken(id: $id) { id } }", Map.of("id", tokenId));
        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, topic, tokenId, 1, Duration.ofSeconds(60));
        assertEquals(1, events.size());
        assertEquals(AccessTokenRevoked.REVOKED, events.get(0).type());
        assertEquals(user.subject(), events.get(0).payload().get("subject").asText());
    }

    private static String roleOf(CompanyState state, Api.User user) {
        return state.members().stream().filter(m -> m.subject().equals(user.subject())).findFirst()
                .map(m -> m.role().name()).orElse(null);
    }

}
