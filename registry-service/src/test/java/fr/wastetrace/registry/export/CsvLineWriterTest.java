package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvLineWriterTest {

    @Test
    void writesFrenchHeadersAndSemicolonSeparatedQuotedValues() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvLineWriter writer = new CsvLineWriter(out, List.of("id", "wasteDescription", "weight", "pop", "transporterTakenOverAt", "transporterNumberPlates"),
                Map.of("id", "N° de bordereau", "wasteDescription", "Dénomination", "weight", "Quantité (t)", "pop", "POP",
                        "transporterTakenOverAt", "Date d'expédition", "transporterNumberPlates", "Immatriculations"),
                Set.of("transporterTakenOverAt"))) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("id", "BSD-1");
            line.put("wasteDescription", "Boues; \"grasses\"");
            line.put("weight", 1.25);
            line.put("pop", true);
            line.put("transporterTakenOverAt", "2026-03-01T23:30:00Z");
            line.putArray("transporterNumberPlates").add("AB-1").add("CD-2");
            writer.line(fr.wastetrace.registry.register.LineColumns.values(line));
            writer.finish();
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals("\uFEFFN° de bordereau;Dénomination;Quantité (t);POP;Date d'expédition;Immatriculations\r\n"
                + "BSD-1;\"Boues; \"\"grasses\"\"\";1,25;Oui;2026-03-02;AB-1, CD-2\r\n", csv);
    }

    @Test
    void fileNamesFollowTheContract() {
        ExportRequest one = new ExportRequest(fr.wastetrace.registry.register.RegisterType.INCOMING, List.of("11111111100011"),
                null, ExportFormat.CSV, LocalDate.of(2026, 3, 9));
        assertEquals("TD-Registre-20260309-Entrant-11111111100011.csv", one.fileName());
        ExportRequest two = new ExportRequest(fr.wastetrace.registry.register.RegisterType.ALL, List.of("1", "2"),
                null, ExportFormat.XLSX, LocalDate.of(2026, 3, 9));
        assertEquals("TD-Registre-20260309-Exhaustif.xlsx", two.fileName());
    }
}
