package fr.wastetrace.company.demo;

import fr.wastetrace.company.companies.CollectorType;
import fr.wastetrace.company.companies.Companies;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.companies.CompanyProfiles;
import fr.wastetrace.company.companies.CompanyType;
import fr.wastetrace.company.companies.WasteProcessorType;
import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.members.Memberships;
import fr.wastetrace.company.receipts.ReceiptEntity;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.UserRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Seeds the demo accounts and companies of the local stack and sandboxes ({@code wastetrace.company.demo-data=true}):
 * one company per BSD role, each administered by a user with a known password. Idempotent: what exists is kept.
 */
@ApplicationScoped
public class DemoDataSeeder {
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);
    private static final OffsetDateTime RECEIPT_VALIDITY = OffsetDateTime.of(2030, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

    /** One demo company and its administrator. */
    public record DemoAccount(String email, String password, String userName, String siret, String companyName,
                              String address, List<CompanyType> types, List<CollectorType> collectorTypes,
                              List<WasteProcessorType> wasteProcessorTypes, ReceiptEntity.Kind receipt) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("producteur@wastetrace.local", "Demo-Producteur-1", "Paula Producteur", "91000000100008",
                    "Producteur démo", "10 rue de l'Usine 69007 Lyon", List.of(CompanyType.PRODUCER), List.of(), List.of(), null),
            new DemoAccount("transporteur@wastetrace.local", "Demo-Transporteur-1", "Tom Transporteur", "91000000200006",
                    "Transporteur démo", "20 route des Camions 69200 Vénissieux", List.of(CompanyType.TRANSPORTER), List.of(), List.of(),
                    ReceiptEntity.Kind.TRANSPORTER),
            new DemoAccount("transporteur2@wastetrace.local", "Demo-Transporteur-2", "Tina Transporteuse", "91000000300004",
                    "Second transporteur démo", "30 avenue du Fret 38000 Grenoble", List.of(CompanyType.TRANSPORTER), List.of(), List.of(),
                    ReceiptEntity.Kind.TRANSPORTER),
            new DemoAccount("entreposage@wastetrace.local", "Demo-Entreposage-1", "Eric Entreposage", "91000000400002",
                    "Entreposage provisoire démo", "40 chemin du Transit 69800 Saint-Priest", List.of(CompanyType.COLLECTOR),
                    List.of(CollectorType.DANGEROUS_WASTES, CollectorType.NON_DANGEROUS_WASTES), List.of(), null),
            new DemoAccount("destination@wastetrace.local", "Demo-Destination-1", "Dora Destination", "91000000500009",
                    "Installation de traitement démo", "50 boulevard de l'Incinérateur 69190 Saint-Fons",
                    List.of(CompanyType.WASTEPROCESSOR), List.of(),
                    List.of(WasteProcessorType.DANGEROUS_WASTES_INCINERATION, WasteProcessorType.NON_DANGEROUS_WASTES_INCINERATION), null),
            new DemoAccount("negociant@wastetrace.local", "Demo-Negociant-1", "Nina Négociante", "91000000600007",
                    "Négociant démo", "60 quai du Commerce 69002 Lyon", List.of(CompanyType.TRADER), List.of(), List.of(),
                    ReceiptEntity.Kind.TRADER),
            new DemoAccount("courtier@wastetrace.local", "Demo-Courtier-1", "Carl Courtier", "91000000700005",
                    "Courtier démo", "70 place de la Bourse 69002 Lyon", List.of(CompanyType.BROKER), List.of(), List.of(),
                    ReceiptEntity.Kind.BROKER),
            new DemoAccount("eco-organisme@wastetrace.local", "Demo-EcoOrganisme-1", "Elise Eco", "90000000100009",
                    "Éco-organisme démo — emballages et papiers", "1 rue de la Démonstration 75001 Paris",
                    List.of(CompanyType.ECO_ORGANISME), List.of(), List.of(), null));

    @Inject
    KeycloakAdmin keycloak;
    @Inject
    Users users;
    @Inject
    CompanyProfiles profiles;
    @Inject
    Memberships memberships;
    @Inject
    Companies companies;
    @Inject
    CompanyConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            // Demo data is a convenience: the service must start even if Keycloak is not up yet.
            LOG.errorf(e, "demo data: not seeded (%s); restart the service once Keycloak is up", e.getMessage());
        }
    }

    /** Creates whatever is missing of the demo accounts and companies. */
    public void seed() {
        for (DemoAccount demo : ACCOUNTS) {
            String subject = keycloak.findByEmail(demo.email()).map(KeycloakAdmin.Account::id)
                    .orElseGet(() -> keycloak.createUser(demo.email(), demo.password(), demo.userName(), true)
                            .orElseThrow(() -> new IllegalStateException("Keycloak account " + demo.email()
                                    + " exists but cannot be found by e-mail")));
            QuarkusTransaction.requiringNew().run(() -> seedCompany(demo, subject));
        }
        LOG.infof("demo data: %d demo accounts and companies present", ACCOUNTS.size());
    }

    private void seedCompany(DemoAccount demo, String subject) {
        users.findByEmail(demo.email()).filter(stale -> !subject.equals(stale.subject)).ifPresent(stale -> {
            // The Keycloak account was recreated (a fresh realm database under a kept company database): the demo
            // profile, its companies and memberships follow the new account instead of blocking the seeding.
            LOG.infof("demo data: %s now belongs to Keycloak account %s (was %s)", demo.email(), subject, stale.subject);
            stale.subject = subject;
            UserAccountEntity.getEntityManager().flush();
        });
        UserAccountEntity user = users.register(subject, demo.email(), demo.userName());
        CompanyEntity company = CompanyEntity.findByOrgId(demo.siret()).orElse(null);
        if (company == null) {
            String receiptId = demo.receipt() == null ? null : receipt(demo.receipt(), user).id;
            profiles.create(user, demo.siret(), null, demo.companyName(), demo.address(), null,
                    new CompanyProfiles.ProfileFields(null, null, demo.userName(), demo.email(), "0400000000", null,
                            demo.types(), demo.collectorTypes(), demo.wasteProcessorTypes(), List.of(),
                            demo.receipt() == ReceiptEntity.Kind.TRANSPORTER ? receiptId : null,
                            demo.receipt() == ReceiptEntity.Kind.TRADER ? receiptId : null,
                            demo.receipt() == ReceiptEntity.Kind.BROKER ? receiptId : null,
                            null, null, null, null, null, null, null));
        } else if (MembershipEntity.lookup(user.id, company.id).isEmpty()) {
            memberships.add(user, companies.lock(company.id), UserRole.ADMIN);
        }
    }

    private static ReceiptEntity receipt(ReceiptEntity.Kind kind, UserAccountEntity author) {
        ReceiptEntity receipt = new ReceiptEntity();
        receipt.id = UUID.randomUUID().toString();
        receipt.kind = kind;
        receipt.receiptNumber = "DEMO-" + kind.name() + "-0001";
        receipt.validityLimit = RECEIPT_VALIDITY;
        receipt.department = "69";
        receipt.createdBy = author.id;
        receipt.persist();
        return receipt;
    }
}
