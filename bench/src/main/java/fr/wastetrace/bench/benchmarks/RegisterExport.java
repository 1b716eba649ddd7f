package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.bench.data.RegisterLines;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.Procfs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the export benchmarks share: their data, the download through the gateway, the rows' keyset order. */
final class RegisterExport {
    /** Where POI puts SXSSF's temporary files (the service's java.io.tmpdir is the default, like this JVM's). */
    static final String POI_TEMP = System.getProperty("java.io.tmpdir") + "/poifiles";

    /** A register to export: whose, by whom, how many generated lines. */
    record Target(DemoAccount account, long lines) {
    }

    /** One download: its size in bytes, lines (header excluded for CSV), seconds, peak temporary disk of the service. */
    record Download(long bytes, long lines, double seconds, long peakTempBytes) {
    }

    private final BenchStack stack;
    private final GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());

    RegisterExport(BenchStack stack) {
        this.stack = stack;
    }

    /** Drives a form to PROCESSED (its projected line is the template), then fills each target's register. */
    String prepare(List<Target> targets) throws Exception {
        String templateId = templateForm();
        try (Connection registry = stack.connect("registry")) {
            RegisterLines lines = new RegisterLines(registry, Support::log);
            for (Target target : targets) {
                lines.ensure(target.account().siret(), target.lines(), templateId, ReferenceData.load(stack.root()));
            }
        }
        return templateId;
    }

    private String templateForm() throws Exception {
        try (Connection registry = stack.connect("registry");
             PreparedStatement select = registry.prepareStatement("select bsd_id from register_line where register = ? "
                     + "and org_id = ? and bsd_id not like 'bench-%' and status = 'PROCESSED' limit 1")) {
            select.setString(1, RegisterLines.REGISTER);
            select.setString(2, DemoAccount.PRODUCER.siret());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return rows.getString(1);
                }
            }
            String id = new RouteTraffic(stack, client).driveOne().id;
            for (int i = 0; i < 300; i++) {
                try (PreparedStatement line = registry.prepareStatement("select 1 from register_line where bsd_id = ? and status = 'PROCESSED'")) {
                    line.setString(1, id);
                    try (ResultSet rows = line.executeQuery()) {
                        if (rows.next()) {
                            return id;
                        }
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the processed form " + id + " did not reach the registers in 30 s");
        }
    }

    /**
     * Asks the gateway for the file ({@code wastesRegistryCsv} / {@code wastesRegistryXls}), then downloads it through the
     * gateway's {@code /download} link, counting bytes and lines; samples the registry-service's temporary files meanwhile.
     */
    Download download(String operation, DemoAccount account) throws Exception {
        String token = account.token();
        long start = System.nanoTime();
        var data = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token,
                "query File($type: WasteRegistryType!, $sirets: [String!]!) { " + operation
                        + "(registryType: $type, sirets: $sirets) { token downloadLink } }",
                Map.of("type", RegisterLines.REGISTER, "sirets", List.of(account.siret()))));
        // The link names PUBLIC_URL; the stack's gateway may listen elsewhere (port offset): use the token with it.
        String fileToken = data.path(operation).path("token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/download?token="
                        + URLEncoder.encode(fileToken, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + token).GET().build();
        long registryPid = stack.pid("registry-service");
        AtomicLong peakTemp = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakTemp.accumulateAndGet(Procfs.openFileBytes(registryPid, POI_TEMP), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-temp-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long bytes = 0;
        long newlines = 0;
        try {
            HttpResponse<InputStream> response = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("download answered HTTP " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[256 * 1024];
                int read;
                while ((read = body.read(buffer)) > 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
                    }
                }
            }
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return new Download(bytes, Math.max(0, newlines - 1), (System.nanoTime() - start) / 1e9, peakTemp.get());
    }

    /** The rows of a register in the export's order, as the service reads them. */
    static String orderedRows(String columns) {
        return "select " + columns + " from register_line where register = '" + RegisterLines.REGISTER
                + "' and org_id = ? order by sort_at, document_id";
    }

    static void requireSameRows(long serviceLines, long baselineLines) throws IOException {
        if (serviceLines != baselineLines) {
            throw new IOException("the file has " + serviceLines + " lines but the database " + baselineLines + " rows");
        }
    }
}
