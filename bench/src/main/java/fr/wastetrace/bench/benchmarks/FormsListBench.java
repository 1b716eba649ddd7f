package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.LoadDriver;
import fr.wastetrace.bench.core.Metrics;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.core.SubgraphCalls;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A list query ({@code forms(first: 50)} with transporters and company data) through the gateway, and the subgraph calls
 * it costs per request; the same query with {@code first: 5} in the same run is the baseline: with no N+1, the calls
 * per request do not grow with the page size.
 */
public final class FormsListBench implements Benchmark {
    static final String QUERY = """
            query List($siret: String, $first: Int) { forms(siret: $siret, first: $first) { id readableId status updatedAt
              emitter { type company { siret name address contact phone mail } }
              recipient { processingOperation cap company { siret name address contact } }
              transporters { company { siret name address contact } receipt department validityLimit takenOverAt }
              wasteDetails { code name quantity packagingInfos { type quantity } } } }""";

    @Override
    public String id() {
        return "forms";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int page = options.integer("first", 50, 50);
        int smallPage = options.integer("baseline-first", 5, 5);
        int concurrency = options.integer("concurrency", 8, 4);
        Duration warmup = options.seconds("warmup", 5, 2);
        Duration measured = options.seconds("duration", 20, 5);
        Report report = new Report(id(), "`forms(first: " + page + ")` with transporters and company data, through the gateway")
                .parameter("first", page).parameter("baseline-first", smallPage).parameter("concurrency", concurrency)
                .parameter("warmup", warmup.toSeconds() + "s").parameter("duration", measured.toSeconds() + "s");
        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        String token = DemoAccount.PRODUCER.token();
        String siret = DemoAccount.PRODUCER.siret();
        ensureForms(stack, client, token, page);

        SubgraphCalls calls = new SubgraphCalls(new Metrics(client.http()), stack);
        LoadDriver driver = new LoadDriver(client.http());
        Phase small = phase(stack, driver, calls, token, siret, smallPage, concurrency, warmup, measured);
        Phase large = phase(stack, driver, calls, token, siret, page, concurrency, warmup, measured);

        boolean constant = Math.abs(large.callsPerRequest - small.callsPerRequest) < 0.05;
        report.row("subgraph calls per request", number(large.callsPerRequest), number(small.callsPerRequest) + " with first: " + smallPage,
                        Support.ratio(large.callsPerRequest / small.callsPerRequest), "constant (no N+1)", Report.Verdict.of(constant))
                .row("req/s", Support.perSecond(large.result.perSecond()), Support.perSecond(small.result.perSecond()) + " with first: " + smallPage,
                        Support.ratio(large.result.perSecond() / small.result.perSecond()), "", Report.Verdict.INFO)
                .row("p50", Support.ms(large.result.latency().p50()), Support.ms(small.result.latency().p50()), "", "", Report.Verdict.INFO)
                .row("p99", Support.ms(large.result.latency().p99()), Support.ms(small.result.latency().p99()),
                        Support.ratio(large.result.latency().p99() / small.result.latency().p99()), "", Report.Verdict.INFO)
                .row("errors", String.valueOf(large.result.errors()), String.valueOf(small.result.errors()), "", "0",
                        Report.Verdict.of(large.result.errors() + small.result.errors() == 0));
        report.note("Subgraph calls counted from the " + large.source + ", over every request of the phase (warm-up included).");
        report.note("Answer size with first: " + page + ": " + large.bytes + " bytes (" + large.forms + " forms).");
        return report;
    }

    private record Phase(LoadDriver.Result result, double callsPerRequest, String source, int bytes, int forms) {
    }

    private Phase phase(BenchStack stack, LoadDriver driver, SubgraphCalls calls, String token, String siret, int first,
                        int concurrency, Duration warmup, Duration measured) throws InterruptedException {
        Map<String, Object> variables = Map.of("siret", siret, "first", first);
        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        var sample = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token, QUERY, variables));
        Support.log("forms(first: " + first + "): " + concurrency + " lanes, " + measured.toSeconds() + " s measured");
        SubgraphCalls.Count before = calls.now();
        LoadDriver.Result result = driver.run(() -> GraphqlClient.gateway(stack.gatewayUrl(), token, QUERY, variables),
                GraphqlClient::succeeded, concurrency, warmup, measured);
        SubgraphCalls.Count after = calls.now();
        double perRequest = (after.calls() - before.calls()) / result.completed();
        Support.log("  " + Support.perSecond(result.perSecond()) + ", " + result.latency().summary() + ", "
                + number(perRequest) + " subgraph calls per request, errors " + result.errors());
        return new Phase(result, perRequest, after.source(), sample.toString().length(), sample.path("forms").size());
    }

    /** The producer needs at least {@code count} forms for the page to be full. */
    private static void ensureForms(BenchStack stack, GraphqlClient client, String token, int count) {
        int existing = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token,
                "query Ids($siret: String, $first: Int) { forms(siret: $siret, first: $first) { id } }",
                Map.of("siret", DemoAccount.PRODUCER.siret(), "first", count))).path("forms").size();
        DirectRoute route = new DirectRoute(ReferenceData.load(stack.root()));
        for (int i = existing; i < count; i++) {
            DirectRoute.Waste waste = route.drawWaste();
            String id = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token, DirectRoute.STEPS.get(0).query(),
                    route.variables(0, null, waste))).path("createForm").path("id").asText();
            client.data(GraphqlClient.gateway(stack.gatewayUrl(), token, DirectRoute.STEPS.get(1).query(), route.variables(1, id, waste)));
        }
        if (existing < count) {
            Support.log("created " + (count - existing) + " sealed forms for the producer");
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
