package fr.wastetrace.registry.query;

import fr.wastetrace.registry.graphql.BsdType;
import fr.wastetrace.registry.graphql.BsdTypeFilter;
import fr.wastetrace.registry.graphql.DateFilter;
import fr.wastetrace.registry.graphql.IdFilter;
import fr.wastetrace.registry.graphql.NumericFilter;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.registry.graphql.WasteRegistryWhere;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterFilterTest {

    @Test
    void noFilterMatchesEverything() {
        assertSame(SqlCondition.TRUE, RegisterFilter.toSql(null));
        assertSame(SqlCondition.TRUE, RegisterFilter.toSql(new WasteRegistryWhere()));
    }

    @Test
    void everyOperatorOfADateFilterNarrows() {
        WasteRegistryWhere where = new WasteRegistryWhere();
        where.destinationReceptionDate = new DateFilter();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-01T00:00:00Z");
        where.destinationReceptionDate._gte = from;
        where.destinationReceptionDate._lt = to;
        SqlCondition sql = RegisterFilter.toSql(where);
        assertEquals("destination_reception_date >= ? and destination_reception_date < ?", sql.sql());
        assertEquals(List.of(from, to), sql.parameters());
    }

    @Test
    void fieldsCombineWithAndInTheContractOrder() {
        WasteRegistryWhere where = new WasteRegistryWhere();
        where.wasteCode = new StringFilter();
        where.wasteCode._eq = "06 05 02*";
        where.createdAt = new DateFilter();
        where.createdAt._gt = Instant.EPOCH;
        where.destinationReceptionWeight = new NumericFilter();
        where.destinationReceptionWeight._lte = 2.5;
        where.bsdType = new BsdTypeFilter();
        where.bsdType._in = List.of(BsdType.BSDD, BsdType.BSDA);
        SqlCondition sql = RegisterFilter.toSql(where);
        assertEquals("created_at > ? and bsd_type = any(?) and waste_code = ? and destination_reception_weight <= ?", sql.sql());
        assertEquals(Instant.EPOCH, sql.parameters().get(0));
        assertArrayEquals(new String[]{"BSDD", "BSDA"}, (String[]) sql.parameters().get(1));
        assertEquals("06 05 02*", sql.parameters().get(2));
        assertEquals(2.5, sql.parameters().get(3));
    }

    @Test
    void anIdMatchesTheReadableIdOrTheInternalId() {
        WasteRegistryWhere where = new WasteRegistryWhere();
        where.id = new IdFilter();
        where.id._in = List.of("BSD-1", "BSD-2");
        SqlCondition sql = RegisterFilter.toSql(where);
        assertEquals("(document_id = any(?) or bsd_id = any(?))", sql.sql());
        assertEquals(2, sql.parameters().size());
    }

    @Test
    void userTextNeverReachesTheSqlText() {
        WasteRegistryWhere where = new WasteRegistryWhere();
        where.emitterCompanySiret = new StringFilter();
        String hostile = "1'; drop table register_line; --";
        where.emitterCompanySiret._eq = hostile;
        where.destinationOperationCode = new StringFilter();
        where.destinationOperationCode._contains = "50%_\\";
        SqlCondition sql = RegisterFilter.toSql(where);
        assertTrue(!sql.sql().contains("drop"));
        assertEquals("emitter_company_siret = ? and destination_operation_code ilike ? escape '\\'", sql.sql());
        assertEquals(List.of(hostile, "%50\\%\\_\\\\%"), sql.parameters());
    }

    @Test
    void anEmptyFilterIsABadInput() {
        WasteRegistryWhere where = new WasteRegistryWhere();
        where.transporterCompanySiret = new StringFilter();
        ApiException.BadUserInput error = assertThrows(ApiException.BadUserInput.class, () -> RegisterFilter.toSql(where));
        assertTrue(error.getMessage().contains("transporterCompanySiret"));
    }
}
