package fr.wastetrace.company.companies;

import fr.wastetrace.company.Api;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Appendix-1 signature automations: who may grant and remove them, what companies list, what is published. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SignatureAutomationQuarkusTest {
    private static final String ADD = """
            mutation($from: ID!, $to: ID!) {
              addSignatureAutomation(input: {from: $from, to: $to}) {
                id createdAt from { orgId name isRegistered } to { orgId name isRegistered }
              }
            }""";
    private static final String REMOVE = """
            mutation($id: ID!) { removeSignatureAutomation(id: $id) { id from { orgId } to { orgId } } }""";
    private static final String MINE = """
            { myCompanies { edges { node { id
                signatureAutomations { id from { orgId } to { orgId } }
                receivedSignatureAutomations { id from { orgId } to { orgId } } } } } }""";
    private static final String ALLOW = """
            mutation($id: String!, $allow: Boolean!) {
              updateCompany(id: $id, allowAppendix1SignatureAutomation: $allow) { allowAppendix1SignatureAutomation }
            }""";

    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A registered company of {@code admin} that allows appendix-1 signature automation; returns {@code [id, siret]}. */
    private static String[] producerAllowingAutomation(Api.User admin) {
        String[] company = Api.createCompany(admin);
        ok(admin, ALLOW, Map.of("id", company[0], "allow", true));
        return company;
    }

    private static Map<String, Object> between(String[] from, String[] to) {
        return Map.of("from", from[0], "to", to[0]);
    }

    @Test
    void anAdministratorGrantsListsAndRemovesAnAutomation() {
        Api.User producerAdmin = Api.newUser();
        String[] producer = producerAllowingAutomation(producerAdmin);
        Api.User transporterAdmin = Api.newUser();
        String[] transporter = Api.createCompany(transporterAdmin);

        JsonPath added = ok(producerAdmin, ADD, between(producer, transporter));
        String id = added.getString("addSignatureAutomation.id");
        assertNotNull(id);
        assertNotNull(added.getString("addSignatureAutomation.createdAt"));
        assertEquals(producer[1], added.getString("addSignatureAutomation.from.orgId"));
        assertEquals(transporter[1], added.getString("addSignatureAutomation.to.orgId"));
        assertEquals("Société " + transporter[1], added.getString("addSignatureAutomation.to.name"));
        assertEquals(true, added.getBoolean("addSignatureAutomation.to.isRegistered"));

        JsonPath producerSide = ok(producerAdmin, MINE, Map.of()).setRootPath("data.myCompanies.edges[0].node");
        assertEquals(List.of(id), producerSide.getList("signatureAutomations.id"));
        assertEquals(List.of(transporter[1]), producerSide.getList("signatureAutomations.to.orgId"));
        assertEquals(List.of(), producerSide.getList("receivedSignatureAutomations"));
        JsonPath transporterSide = ok(transporterAdmin, MINE, Map.of()).setRootPath("data.myCompanies.edges[0].node");
        assertEquals(List.of(id), transporterSide.getList("receivedSignatureAutomations.id"));
        assertEquals(List.of(producer[1]), transporterSide.getList("receivedSignatureAutomations.from.orgId"));
        assertEquals(List.of(), transporterSide.getList("signatureAutomations"));

        call(producerAdmin, ADD, between(producer, transporter))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("déjà autorisé"));

        JsonPath removed = ok(producerAdmin, REMOVE, Map.of("id", id));
        assertEquals(id, removed.getString("removeSignatureAutomation.id"));
        assertEquals(transporter[1], removed.getString("removeSignatureAutomation.to.orgId"));
        assertEquals(List.of(), ok(producerAdmin, MINE, Map.of()).getList("myCompanies.edges[0].node.signatureAutomations"));
        assertEquals(List.of(), ok(transporterAdmin, MINE, Map.of())
                .getList("myCompanies.edges[0].node.receivedSignatureAutomations"));
        assertEquals("BAD_USER_INPUT", errorCode(producerAdmin, REMOVE, Map.of("id", id)));

        // Once removed, the same automation may be granted again.
        ok(producerAdmin, ADD, between(producer, transporter));
    }

    @Test
    void onlyTheGrantingCompanysAdministratorsManageItsAutomations() {
        Api.User producerAdmin = Api.newUser();
        String[] producer = producerAllowingAutomation(producerAdmin);
        Api.User transporterAdmin = Api.newUser();
        String[] transporter = Api.createCompany(transporterAdmin);
        Api.User producerMember = Api.newUser();
        Api.addMember(producerAdmin, producer[1], producerMember, "MEMBER");

        call(producerMember, ADD, between(producer, transporter))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("administrateur"));
        call(transporterAdmin, ADD, between(producer, transporter))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("membre"));

        String id = ok(producerAdmin, ADD, between(producer, transporter)).getString("addSignatureAutomation.id");
        assertEquals("FORBIDDEN", errorCode(producerMember, REMOVE, Map.of("id", id)));
        assertEquals("FORBIDDEN", errorCode(transporterAdmin, REMOVE, Map.of("id", id)));
        assertEquals(List.of(id), ok(producerAdmin, MINE, Map.of()).getList("myCompanies.edges[0].node.signatureAutomations.id"));
    }

    @Test
    void invalidRequestsAreRefusedWithAMessageSayingWhatToDo() {
        Api.User admin = Api.newUser();
        String[] producer = Api.createCompany(admin);
        Api.User transporterAdmin = Api.newUser();
        String[] transporter = Api.createCompany(transporterAdmin);

        call(admin, ADD, between(producer, transporter))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("allowAppendix1SignatureAutomation"));
        ok(admin, ALLOW, Map.of("id", producer[0], "allow", true));
        call(admin, ADD, between(producer, producer))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("lui-même"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, ADD, Map.of("from", producer[0], "to", "inconnue")));
        assertEquals("BAD_USER_INPUT", errorCode(admin, ADD, Map.of("from", "inconnue", "to", transporter[0])));
        assertEquals("BAD_USER_INPUT", errorCode(admin, REMOVE, Map.of("id", "inconnue")));
        call(TestIdentity.anonymous(), ADD, between(producer, transporter)).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        assertEquals(List.of(), ok(admin, MINE, Map.of()).getList("myCompanies.edges[0].node.signatureAutomations"));
    }

    @Test
    void anAutomationOfACompanyThatDisabledTheFeatureIsNotListedAsReceived() {
        Api.User producerAdmin = Api.newUser();
        String[] producer = producerAllowingAutomation(producerAdmin);
        Api.User transporterAdmin = Api.newUser();
        String[] transporter = Api.createCompany(transporterAdmin);
        ok(producerAdmin, ADD, between(producer, transporter));

        ok(producerAdmin, ALLOW, Map.of("id", producer[0], "allow", false));

        assertEquals(List.of(), ok(transporterAdmin, MINE, Map.of())
                .getList("myCompanies.edges[0].node.receivedSignatureAutomations"));
        assertEquals(List.of(transporter[1]), ok(producerAdmin, MINE, Map.of())
                .getList("myCompanies.edges[0].node.signatureAutomations.to.orgId"));
    }

    @Test
    void grantingAndRemovingRepublishTheGrantingCompany() throws Exception {
        Api.User producerAdmin = Api.newUser();
        String[] producer = producerAllowingAutomation(producerAdmin);
        Api.User transporterAdmin = Api.newUser();
        String[] transporter = Api.createCompany(transporterAdmin);
        String id = ok(producerAdmin, ADD, between(producer, transporter)).getString("addSignatureAutomation.id");
        // A refused duplicate publishes nothing.
        errorCode(producerAdmin, ADD, between(producer, transporter));
        ok(producerAdmin, REMOVE, Map.of("id", id));

        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, topic, producer[0], 4, Duration.ofSeconds(60));

        assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(EventEnvelope::version).toList());
        List<CompanyState> states = new ArrayList<>();
        for (EventEnvelope event : events) {
            states.add(EventCodec.mapper().treeToValue(event.payload(), CompanyState.class));
        }
        assertEquals(false, states.get(0).allowAppendix1SignatureAutomation());
        assertEquals(List.of(), states.get(0).signatureAutomationTo());
        assertEquals(true, states.get(1).allowAppendix1SignatureAutomation());
        assertEquals(List.of(transporter[1]), states.get(2).signatureAutomationTo());
        assertEquals(true, states.get(3).allowAppendix1SignatureAutomation());
        assertEquals(List.of(), states.get(3).signatureAutomationTo());
    }
}
