package fr.wastetrace.company.demo;

import fr.wastetrace.company.Api;
import fr.wastetrace.company.companies.Siret;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo accounts and companies of the local stack, on the stack's real Keycloak. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class DemoDataQuarkusTest {
    @Inject
    DemoDataSeeder seeder;
    @Inject
    KeycloakAdmin keycloak;

    @Test
    void seedingTwiceGivesEachDemoUserAdministrationOfItsCompany() {
        seeder.seed();
        seeder.seed();
        for (DemoDataSeeder.DemoAccount demo : DemoDataSeeder.ACCOUNTS) {
            assertTrue(Siret.isValid(demo.siret()), demo.siret());
            String subject = keycloak.findByEmail(demo.email()).orElseThrow().id();
            JsonPath mine = Api.ok(new Api.User(subject, demo.email(), demo.userName()),
                    "{ myCompanies { totalCount edges { node { siret name userRole companyTypes transporterReceipt { receiptNumber } } } } }", Map.of());
            assertEquals(1, mine.getInt("myCompanies.totalCount"), demo.email());
            assertEquals(demo.siret(), mine.getString("myCompanies.edges[0].node.siret"));
            assertEquals("ADMIN", mine.getString("myCompanies.edges[0].node.userRole"));
            assertEquals(demo.types().stream().map(Enum::name).toList(), mine.getList("myCompanies.edges[0].node.companyTypes"));
        }
        Set<String> sirets = DemoDataSeeder.ACCOUNTS.stream().map(DemoDataSeeder.DemoAccount::siret).collect(Collectors.toSet());
        assertEquals(DemoDataSeeder.ACCOUNTS.size(), sirets.size());
    }

    @Test
    void aDemoProfileFollowsItsRecreatedKeycloakAccount() {
        seeder.seed();
        DemoDataSeeder.DemoAccount demo = DemoDataSeeder.ACCOUNTS.get(0);
        // What a fresh realm database leaves behind: the local profile points at a Keycloak account that is gone.
        QuarkusTransaction.requiringNew().run(() -> UserAccountEntity.getEntityManager()
                .createNativeQuery("update user_account set subject = ?1 where email = ?2")
                .setParameter(1, "gone-" + UUID.randomUUID()).setParameter(2, demo.email()).executeUpdate());
        seeder.seed();
        String subject = keycloak.findByEmail(demo.email()).orElseThrow().id();
        JsonPath mine = Api.ok(new Api.User(subject, demo.email(), demo.userName()),
                "{ myCompanies { totalCount edges { node { siret userRole } } } }", Map.of());
        assertEquals(1, mine.getInt("myCompanies.totalCount"));
        assertEquals(demo.siret(), mine.getString("myCompanies.edges[0].node.siret"));
        assertEquals("ADMIN", mine.getString("myCompanies.edges[0].node.userRole"));
    }

    @Test
    void everyDemoUserLogsInWithItsKnownPassword() {
        seeder.seed();
        for (DemoDataSeeder.DemoAccount demo : DemoDataSeeder.ACCOUNTS) {
            assertTrue(KeycloakTokens.passwordGrant(demo.email(), demo.password()).length() > 20, demo.email());
        }
        assertEquals(List.of("producteur@wastetrace.local", "Demo-Producteur-1"),
                List.of(DemoDataSeeder.ACCOUNTS.get(0).email(), DemoDataSeeder.ACCOUNTS.get(0).password()));
    }
}
