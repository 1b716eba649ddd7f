package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The companies a change of a BSDA, BSDASRI, BSFF or BSPAOH is delivered to, on contract-shaped states. */
class OtherBsdPartiesTest {
    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text);
    }

    @Test
    void bsdaNamesEveryRoleButNotTheCompaniesOfTheBsdasItGroups() throws Exception {
        JsonNode bsda = json("""
                {"id": "BSDA-20261207-FIXTURE01", "emitter": {"company": {"siret": "11111111100011"}},
                 "ecoOrganisme": {"siret": "77777777700077"}, "worker": {"company": {"siret": "22222222200022"}},
                 "transporters": [{"company": {"siret": "33333333300033"}}, {"company": {"vatNumber": "BE0123456789"}}],
                 "destination": {"company": {"siret": "44444444400044"},
                                 "operation": {"nextDestination": {"company": {"siret": "55555555500055"}}}},
                 "broker": {"company": {"siret": "66666666600066"}}, "intermediaries": [{"siret": "88888888800088"}],
                 "grouping": [{"id": "BSDA-20261201-GROUPED01", "emitter": {"company": {"siret": "99999999900099"}}}]}
                """);
        FieldParties parties = FieldParties.BSDA;
        assertEquals("bsda", parties.aggregateType());
        assertEquals("BSDA-20261207-FIXTURE01", parties.readableId(bsda));
        assertEquals(Set.of("11111111100011", "77777777700077", "22222222200022", "33333333300033", "BE0123456789",
                "44444444400044", "55555555500055", "66666666600066", "88888888800088"), parties.orgIds(bsda));
    }

    @Test
    void bsdasriNamesItsRolesButNotThoseOfTheDasrisItGroups() throws Exception {
        JsonNode dasri = json("""
                {"id": "DASRI-20261207-FIXTURE1", "emitter": {"company": {"siret": "11111111100011"}},
                 "ecoOrganisme": {"siret": "77777777700077"}, "transporter": {"company": {"siret": "33333333300033"}},
                 "destination": {"company": {"siret": "44444444400044"}},
                 "grouping": [{"id": "DASRI-20261201-GROUPED", "emitter": {"company": {"siret": "99999999900099"}}}]}
                """);
        assertEquals(Set.of("11111111100011", "77777777700077", "33333333300033", "44444444400044"),
                FieldParties.BSDASRI.orgIds(dasri));
    }

    @Test
    void bsffNamesItsRolesAndTheHoldersOfItsInterventionSheets() throws Exception {
        JsonNode bsff = json("""
                {"id": "FF-20261207-FIXTURE01", "emitter": {"company": {"siret": "11111111100011"}},
                 "transporters": [{"company": {"siret": "33333333300033"}}],
                 "destination": {"company": {"siret": "44444444400044"}},
                 "ficheInterventions": [{"detenteur": {"company": {"siret": "22222222200022"}},
                                         "operateur": {"company": {"siret": "11111111100011"}}},
                                        {"detenteur": {"isPrivateIndividual": true, "company": {"name": "Mme D."}}}],
                 "packagings": [{"operation": {"nextDestination": {"company": {"siret": "99999999900099"}}}}]}
                """);
        assertEquals(Set.of("11111111100011", "33333333300033", "44444444400044", "22222222200022"),
                FieldParties.BSFF.orgIds(bsff));
    }

    @Test
    void bspaohNamesItsProducerTransporterAndCrematorium() throws Exception {
        JsonNode paoh = json("""
                {"id": "PAOH-20261207-FIXTURE1", "emitter": {"company": {"siret": "11111111100011"}},
                 "transporter": {"company": {"siret": "33333333300033"}},
                 "destination": {"company": {"siret": "44444444400044"}}}
                """);
        assertEquals(Set.of("11111111100011", "33333333300033", "44444444400044"), FieldParties.BSPAOH.orgIds(paoh));
    }
}
