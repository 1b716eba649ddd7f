package fr.wastetrace.registry.export;

import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static fr.wastetrace.registry.RegistryFixture.graphql;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CSV and XLSX files of 10,000 and 100,000 generated lines, streamed from keyset pages. Prints the heap figures (the
 * largest heap left after a garbage collection while the file was written) for the report; it asserts the files'
 * contents, not durations or memory.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ExportVolumeQuarkusTest {
    @Inject
    RegistryFixture fixture;
    @TestHTTPResource("/")
    URL root;

    @Test
    void csvAndXlsxOfOneHundredThousandLines() throws Exception {
        String small = "81" + Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String large = "82" + Long.toString(System.nanoTime() % 1_000_000_000_000L);
        fixture.company("volume-" + small, small, 1, Map.of("u-volume", UserRole.ADMIN));
        fixture.company("volume-" + large, large, 1, Map.of("u-volume", UserRole.ADMIN));
        generate(small, 10_000);
        generate(large, 100_000);
        for (String format : List.of("Csv", "Xls")) {
            for (String[] dataset : List.of(new String[]{small, "10000"}, new String[]{large, "100000"})) {
                Measure measure = download(format, dataset[0]);
                if (format.equals("Csv")) {
                    assertEquals(Long.parseLong(dataset[1]) + 1, measure.lines, "header + one line per register line");
                    assertEquals(null, measure.firstOutOfOrder, "every line once, in date order, across the pages");
                }
                System.out.printf("EXPORT-FIGURES format=%s lines=%s bytes=%d seconds=%.1f maxHeapAfterGcMiB=%.1f baselineHeapAfterGcMiB=%.1f%n",
                        format.equals("Csv") ? "CSV" : "XLSX", dataset[1], measure.bytes, measure.seconds,
                        measure.maxHeapAfterGc / 1048576.0, measure.baseline / 1048576.0);
            }
        }
    }

    private void generate(String orgId, int count) {
        fixture.execute("insert into register_line (register, org_id, document_id, bsd_id, version, sort_at, "
                + "id, bsd_type, bsd_sub_type, status, created_at, updated_at, transporter_taken_over_at, waste_description, waste_code, "
                + "waste_is_dangerous, pop, waste_adr, weight, emitter_company_name, emitter_company_siret, emitter_company_address, "
                + "emitter_company_postal_code, emitter_company_city, emitter_company_country, emitter_company_mail, "
                + "transporter_company_name, transporter_company_siret, transporter_company_address, transporter_recepisse_number, "
                + "transporter_transport_mode, transporter_number_plates, destination_company_name, destination_company_siret, "
                + "destination_company_address, destination_cap, destination_planned_operation_code, destination_operation_code, "
                + "destination_reception_weight, destination_reception_acceptation_status) "
                + "select 'ALL', ?, 'BSD-VOL-' || lpad(i::text, 7, '0'), 'vol-' || ? || '-' || i, 1, "
                + "timestamptz '2026-01-01' + i * interval '1 minute', "
                + "'BSD-VOL-' || lpad(i::text, 7, '0'), 'BSDD', 'INITIAL', 'PROCESSED', timestamptz '2026-01-01', timestamptz '2026-01-02', "
                + "timestamptz '2026-01-01' + i * interval '1 minute', 'Filtres à huile usagés', '16 01 07*', true, false, "
                + "'UN 3077, matière dangereuse pour l''environnement', 1.25 + (i % 7), 'Garage du Centre', '11111111100011', "
                + "'12 rue des Lilas 69003 Lyon', '69003', 'Lyon', 'FR', 'contact@garage.example', "
                + "'Transports Rapides', '22222222200022', '5 route du Port 76600 Le Havre', 'REC-2026-001', "
                + "'ROAD', array['AB-123-CD'], 'Centre de traitement', ?, "
                + "'2 avenue du Feu 13001 Marseille', 'CAP-42', 'R 1', 'R 1', 1.2, 'ACCEPTED' "
                + "from generate_series(1, ?) i", orgId, orgId, orgId, count);
    }

    private Measure download(String format, String orgId) throws Exception {
        System.gc();
        long baseline = heapAfterGc();
        String field = "wastesRegistry" + format;
        String token = graphql("u-volume", "query($s: [String!]!) { " + field + "(registryType: ALL, sirets: $s) { token } }",
                Map.of("s", List.of(orgId)))
                .body("errors", nullValue()).extract().path("data." + field + ".token");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString() + "download?token=" + token))
                .header(TestIdentity.HEADER, TestIdentity.anonymous()).timeout(Duration.ofMinutes(10)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong max = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                max.accumulateAndGet(heapAfterGc(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Instant start = Instant.now();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long bytes = 0;
        long lines = 0;
        // CSV: the lines' ids (first column) must be BSD-VOL-0000001, BSD-VOL-0000002, ... (generate's order by date).
        StringBuilder id = new StringBuilder();
        boolean inId = false;
        String firstOutOfOrder = null;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines++;
                        inId = true;
                        id.setLength(0);
                    } else if (inId && b == ';') {
                        inId = false;
                        String expected = String.format("BSD-VOL-%07d", lines);
                        if (firstOutOfOrder == null && !expected.contentEquals(id)) {
                            firstOutOfOrder = "line " + lines + ": " + id + " where " + expected + " was expected";
                        }
                    } else if (inId && id.length() < 64) {
                        id.append((char) b);
                    }
                }
            }
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        running.set(false);
        sampler.join();
        return new Measure(bytes, lines, seconds, baseline, max.get(), firstOutOfOrder);
    }

    /** The heap in use just after the latest collection of each heap pool (what survives: the live data). */
    private static long heapAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    private record Measure(long bytes, long lines, double seconds, long baseline, long maxHeapAfterGc, String firstOutOfOrder) {
    }
}
