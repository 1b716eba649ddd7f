package fr.wastetrace.bsd.company;

import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The company read model follows company-service's events: newer versions win, older or repeated ones change nothing. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class CompanyReadModelQuarkusTest {
    private static final String SIRET = "70000000000070";

    @Inject
    CompanyDirectory directory;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    String topic;

    @Test
    void appliesOnlyNewerVersionsSkipsGarbageAndForgetsDeletedCompanies() throws Exception {
        CallerIdentity alice = new CallerIdentity("rm-alice", "alice@x.fr", null, CallerIdentity.AuthType.JWT,
                "127.0.0.1", Instant.now().plusSeconds(60));
        try (CompanyEventsFixture fixture = new CompanyEventsFixture(bootstrap, topic)) {
            fixture.upsert("company-rm", 2, CompanyEventsFixture.company(SIRET, "Version 2", List.of("PRODUCER"),
                    List.of(CompanyEventsFixture.member("rm-alice", UserRole.READER)), 1234, null));
            fixture.upsert("company-rm", 1, CompanyEventsFixture.company(SIRET, "Version 1 (late)", List.of("PRODUCER"),
                    List.of(CompanyEventsFixture.member("rm-alice", UserRole.ADMIN)), 1111, null));
            fixture.sendRaw("company-rm", "not an event");
            fixture.upsert("company-rm-marker", 1, CompanyEventsFixture.company("80000000000060", "Marker",
                    List.of("PRODUCER"), List.of(CompanyEventsFixture.member("rm-alice", UserRole.MEMBER)), null, null));
            CompanyEventsFixture.awaitRole(directory, "rm-alice", "80000000000060", UserRole.MEMBER);

            assertEquals(UserRole.READER, directory.companiesOf(alice).roles().get(SIRET), "the late version 1 was ignored");
            CompanyView company = directory.byOrgId(SIRET).orElseThrow();
            assertEquals("Version 2", company.name());
            assertEquals(1234, company.securityCode());

            fixture.delete("company-rm", 3);
            CompanyEventsFixture.await(() -> !directory.companiesOf(alice).roles().containsKey(SIRET), "deletion");
            assertTrue(directory.byOrgId(SIRET).isEmpty());
        }
    }
}
