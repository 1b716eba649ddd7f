package fr.wastetrace.chaos;

import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.testing.Stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kill -9 campaign of issue 21 (chaos/README.md). While lanes drive BSDDs along the direct route through the
 * gateway at a steady rate, it kills (SIGKILL) bsd-service, company-service, registry-service and the process holding
 * the bsd relay's lease, one by one, round after round, restarting each; then restarts Kafka (SIGKILL) and PostgreSQL
 * (immediate stop) once each. At the end it checks that nothing acknowledged is lost, no event is missing or doubled,
 * and the registers equal a rebuild from scratch; it reports how long the API and the relays were gone after each kill.
 *
 * <p>Options ({@code --name=value}): {@code rounds} (2), {@code lanes} (4), {@code rate} (mutations per second in
 * all, 4), {@code settle} (seconds between a restart and the next kill, 15), {@code down} (seconds a killed process
 * stays dead before its restart, 3), {@code infra} (restart Kafka and PostgreSQL, true).
 */
public final class ChaosMain {
    /** One fault: what was killed, when, who held the relays before, and when the restart returned. */
    record Fault(int number, String step, String target, Instant killedAt, Instant restartedAt, String bsdRelayBefore) {
    }

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (options: --rounds= --lanes= --rate= --settle= --down= --infra=)");
            }
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        int laneCount = Integer.parseInt(options.getOrDefault("lanes", "4"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "4"));
        Duration settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle", "15")));
        Duration down = Duration.ofSeconds(Long.parseLong(options.getOrDefault("down", "3")));
        boolean infra = Boolean.parseBoolean(options.getOrDefault("infra", "true"));

        Path root = Stack.root();
        Map<String, String> env = Stack.env();
        int offset = Integer.parseInt(env.get("GATEWAY_URL").replaceAll(".*:", "")) - 8080;
        int relayPort = 8086 + offset;
        Instant started = Instant.now();
        log("stack at " + env.get("GATEWAY_URL") + "; " + rounds + " rounds, " + laneCount + " lanes, " + rate
                + " mutations/s; load average " + loadAverage());

        Api api = new Api(env.get("GATEWAY_URL"));
        Accounts accounts = Accounts.create(api);
        log("run " + accounts.run + ": companies " + accounts.sirets());
        awaitMemberships(api, accounts);

        Processes processes = new Processes(root, env, relayPort);
        deleteTree(root.resolve(".run/apps/" + Processes.BSD_RELAY));
        processes.ensureBsdRelay();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                processes.stopBsdRelay();
            } catch (InterruptedException ignored) {
                // exiting
            }
        }));
        Map<String, String> readiness = new LinkedHashMap<>();
        readiness.put("bsd-service", env.get("BSD_SERVICE_URL") + "/q/health/ready");
        readiness.put(Processes.BSD_RELAY, "http://127.0.0.1:" + relayPort + "/q/health/ready");
        readiness.put("company-service", env.get("COMPANY_SERVICE_URL") + "/q/health/ready");
        readiness.put("registry-service", env.get("REGISTRY_SERVICE_URL") + "/q/health/ready");
        Watchers watchers = new Watchers();
        String bsdTopic = "wastetrace.bsd.events";
        String companyTopic = "wastetrace.company.events";
        watchers.start(api, accounts, readiness, env.get("KAFKA_BOOTSTRAP_SERVERS"), List.of(bsdTopic, companyTopic));
        awaitReady(api, "http://127.0.0.1:" + relayPort + "/q/health/ready", Duration.ofMinutes(3), "the second bsd relay");

        ReferenceData reference = ReferenceData.load(root);
        ConcurrentLinkedQueue<Lane.Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<Lane> lanes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Duration pace = Duration.ofNanos((long) (laneCount / rate * 1e9));
        for (int i = 0; i < laneCount; i++) {
            Lane lane = new Lane("l" + i, api, accounts, reference, pace, acks, errors, sent);
            lanes.add(lane);
            Thread thread = new Thread(lane, "chaos-lane-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        // company-service's own traffic (and company events, for its relay): an update of the producer's contact every 2 s.
        List<String> contacts = new CopyOnWriteArrayList<>();
        AtomicInteger lastAckedContact = new AtomicInteger(-1);
        AtomicLong companyErrors = new AtomicLong();
        AtomicLong companyAcks = new AtomicLong();
        boolean[] stopping = {false};
        Thread companyLane = new Thread(() -> {
            int n = 0;
            while (!stopping[0]) {
                String contact = "Chaos producteur " + (++n);
                contacts.add(contact);
                try {
                    api.call(accounts.token(accounts.producer), "mutation($id: String!, $c: String) { updateCompany(id: $id, contact: $c) { id } }",
                            Map.of("id", accounts.producer.companyId(), "c", contact), Duration.ofSeconds(20));
                    lastAckedContact.set(contacts.size() - 1);
                    companyAcks.incrementAndGet();
                } catch (Api.ApiFailure e) {
                    companyErrors.incrementAndGet();
                }
                sleep(Duration.ofSeconds(2));
            }
        }, "chaos-company-lane");
        companyLane.setDaemon(true);
        companyLane.start();
        Thread tokens = new Thread(() -> {
            while (!stopping[0]) {
                sleep(Duration.ofMinutes(5));
                try {
                    accounts.refreshTokens();
                } catch (RuntimeException e) {
                    log("could not renew the tokens: " + e);
                }
            }
        }, "chaos-tokens");
        tokens.setDaemon(true);
        tokens.start();

        log("load running; warming up for " + settle.toSeconds() + " s");
        sleep(settle);

        List<String> plan = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            plan.addAll(List.of("bsd-service", "company-service", "registry-service", "relay"));
        }
        plan.add("bsd-service-alone");
        if (infra) {
            plan.add("kafka");
            plan.add("postgres");
        }
        List<Fault> faults = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        List<String> candidates = List.of("bsd-service", Processes.BSD_RELAY);
        for (String step : plan) {
            String holder = watchers.relayHolder(candidates, Instant.now()).orElse("none");
            String target = switch (step) {
                case "relay" -> holder.equals("none") ? "bsd-service" : holder;
                case "bsd-service-alone" -> "bsd-service";
                default -> step;
            };
            if (step.equals("bsd-service-alone")) {
                // bsd-service alone on its database: the second relay stopped first (cleanly).
                processes.stopBsdRelay();
                sleep(Duration.ofSeconds(5));
                holder = watchers.relayHolder(candidates, Instant.now()).orElse("none");
            }
            loads.add(loadAverage());
            Instant killedAt = Instant.now();
            log("fault " + (faults.size() + 1) + "/" + plan.size() + ": " + step + " (kill " + target + "; bsd relay held by " + holder + ")");
            try {
                if (target.equals("postgres")) {
                    processes.crashPostgres();
                } else {
                    processes.kill(target);
                }
            } catch (RuntimeException e) {
                log("  could not kill " + target + ": " + e.getMessage());
            }
            sleep(down);
            try {
                if (target.equals(Processes.BSD_RELAY)) {
                    processes.ensureBsdRelay();
                    awaitReady(api, "http://127.0.0.1:" + relayPort + "/q/health/ready", Duration.ofMinutes(5), "the second bsd relay");
                } else {
                    processes.up();
                }
            } catch (RuntimeException e) {
                log("  restart trouble: " + e.getMessage() + "; trying once more");
                processes.up();
            }
            Instant restartedAt = Instant.now();
            if (step.equals("bsd-service-alone")) {
                // Measured alone; the second relay comes back only after the settling time.
                sleep(settle);
                processes.ensureBsdRelay();
                awaitReady(api, "http://127.0.0.1:" + relayPort + "/q/health/ready", Duration.ofMinutes(5), "the second bsd relay");
            }
            faults.add(new Fault(faults.size() + 1, step, target, killedAt, restartedAt, holder));
            log("  back after " + Duration.between(killedAt, restartedAt).toSeconds() + " s; settling " + settle.toSeconds() + " s");
            sleep(settle);
        }

        log("faults done; load goes on for " + settle.toSeconds() + " s, then stops");
        sleep(settle);
        lanes.forEach(Lane::stop);
        stopping[0] = true;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        companyLane.join(30_000);
        Instant loadStopped = Instant.now();
        awaitQuiet(watchers, bsdTopic, Duration.ofSeconds(15), Duration.ofMinutes(3));
        watchers.stop();

        Checks checks = new Checks(root, env);
        Map<String, Long> bsds = checks.runBsds(accounts.run);
        checks.acknowledged(new ArrayList<>(acks));
        checks.companyMutations(accounts.producer.companyId(), contacts, lastAckedContact.get(), companyAcks.get());
        checks.events(bsds, bsdTopic);
        awaitRegisters(checks, bsds, Duration.ofMinutes(3));
        checks.registers(bsds, accounts.run);
        processes.stopBsdRelay();

        String report = report(accounts.run, started, loadStopped, rounds, laneCount, rate, sent.get(), errors.get(),
                companyErrors.get(), faults, loads, watchers, checks);
        System.out.println(report);
        Path out = root.resolve(".run/chaos/report-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(started) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        log("report written to " + root.relativize(out));
        System.exit(checks.problems.isEmpty() ? 0 : 1);
    }

    private static String report(String run, Instant started, Instant loadStopped, int rounds, int lanes, double rate,
                                 long sent, long errors, long companyErrors, List<Fault> faults, List<String> loads,
                                 Watchers watchers, Checks checks) {
        StringBuilder out = new StringBuilder();
        out.append("## Campaign ").append(run).append(" (").append(DateTimeFormatter.ISO_INSTANT.format(started)).append(")\n\n");
        out.append(String.format("%d rounds, %d lanes, %.1f mutations/s asked; %d mutations sent, %d failed (counted, retried "
                + "from the form's status); company updates failed: %d; load ran %d s.%n%n", rounds, lanes, rate, sent, errors,
                companyErrors, Duration.between(started, loadStopped).toSeconds()));
        out.append("| # | fault | killed | load avg (1/5/15 min) | API gone (s) | killed service ready again after (s) | "
                + "bsd relay: holder before → after | relay gone (s) | relay after ready (s) | first event committed after the kill on Kafka (s) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            Instant until = i + 1 < faults.size() ? faults.get(i + 1).killedAt() : loadStopped;
            out.append("| ").append(f.number()).append(" | ").append(f.step()).append(" | ").append(f.target())
                    .append(" | ").append(loads.get(i)).append(" | ").append(apiGone(watchers, f, until))
                    .append(" | ").append(readyAgain(watchers, f, until).map(ChaosMain::seconds).orElse("–"))
                    .append(" | ").append(relay(watchers, f, until))
                    .append(" |\n");
        }
        out.append("\n| check | result |\n|---|---|\n");
        checks.figures.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append("\n").append(checks.problems.isEmpty() ? "No problem found." : "Problems:\n- " + String.join("\n- ", checks.problems)).append("\n");
        return out.toString();
    }

    private static String apiGone(Watchers watchers, Fault f, Instant until) {
        List<String> services = switch (f.target()) {
            case "company-service" -> List.of("company-service");
            case "registry-service" -> List.of("registry-service");
            case "kafka", "postgres" -> List.of("bsd-service", "company-service", "registry-service");
            default -> List.of("bsd-service");
        };
        List<String> parts = new ArrayList<>();
        for (String service : services) {
            String gone = watchers.gone("api:" + service, f.killedAt(), Duration.ofSeconds(10), until)
                    .map(ChaosMain::seconds).orElse("not back");
            parts.add(services.size() == 1 ? gone : service.replace("-service", "") + " " + gone);
        }
        return String.join(", ", parts);
    }

    /** When the killed service's readiness was UP again (after being DOWN). */
    private static Optional<Duration> readyAgain(Watchers watchers, Fault f, Instant until) {
        String what = switch (f.target()) {
            case "kafka", "postgres" -> "ready:bsd-service";
            default -> "ready:" + f.target();
        };
        return watchers.gone(what, f.killedAt(), Duration.ofSeconds(15), until);
    }

    private static String relay(Watchers watchers, Fault f, Instant until) {
        boolean company = f.target().equals("company-service");
        String topic = company ? "wastetrace.company.events" : "wastetrace.bsd.events";
        String firstEvent = watchers.firstCommittedAfter(topic, f.killedAt()).filter(a -> a.at().isBefore(until))
                .map(a -> seconds(Duration.between(f.killedAt(), a.at()))).orElse("–");
        if (company) {
            String back = watchers.first(f.killedAt().plusMillis(300), s -> s.what().equals("ready:company-service")
                    && "ACTIVE".equals(s.detail())).filter(s -> s.at().isBefore(until))
                    .map(s -> Duration.between(f.killedAt(), s.at())).map(ChaosMain::seconds).orElse("not back");
            String afterReady = readyAgain(watchers, f, until).flatMap(ready -> watchers.firstCommittedAfter(topic, f.killedAt().plus(ready))
                    .map(a -> seconds(Duration.between(f.killedAt().plus(ready), a.at())))).orElse("–");
            return "company relay alone | " + back + " | " + afterReady + " (first event) | " + firstEvent;
        }
        List<String> candidates = List.of("bsd-service", Processes.BSD_RELAY);
        String after = watchers.relayHolder(candidates, until).orElse("none");
        boolean holderKilled = f.bsdRelayBefore().equals(f.target()) || f.target().equals("kafka") || f.target().equals("postgres");
        String gone;
        if (!holderKilled) {
            gone = "0 (not its holder)";
        } else if (f.target().equals("kafka") || f.target().equals("postgres")) {
            gone = firstEvent + " (first event)";
        } else {
            gone = watchers.first(f.killedAt().plusMillis(300), s -> candidates.stream().anyMatch(c -> s.what().equals("ready:" + c))
                            && "ACTIVE".equals(s.detail())).filter(s -> s.at().isBefore(until))
                    .map(s -> seconds(Duration.between(f.killedAt(), s.at())) + " (" + s.what().substring(6) + " active)").orElse("not back");
        }
        String afterReady = "–";
        if (f.step().equals("bsd-service-alone")) {
            afterReady = readyAgain(watchers, f, until).flatMap(ready -> watchers.firstCommittedAfter(topic, f.killedAt().plus(ready))
                    .map(a -> seconds(Duration.between(f.killedAt().plus(ready), a.at())) + " (first event)")).orElse("–");
        }
        return f.bsdRelayBefore() + " → " + after + " | " + gone + " | " + afterReady + " | " + firstEvent;
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    private static void awaitMemberships(Api api, Accounts accounts) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        for (Accounts.Actor actor : List.of(accounts.producer, accounts.transporter, accounts.destination)) {
            while (true) {
                try {
                    api.call(accounts.token(actor), "query($s: String) { forms(siret: $s, first: 1) { id } }", Map.of("s", actor.siret()));
                    break;
                } catch (Api.ApiFailure e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("bsd-service does not know the run's memberships: " + e.getMessage());
                    }
                    Thread.sleep(300);
                }
            }
        }
    }

    private static void awaitReady(Api api, String url, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var response = api.get(url);
            if (response != null && response.statusCode() == 200) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        log(what + " not ready after " + limit.toSeconds() + " s (going on)");
    }

    /** Waits until no event arrived on the topic for {@code quiet} (the relay has published everything). */
    private static void awaitQuiet(Watchers watchers, String topic, Duration quiet, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Instant since = Instant.now().minus(quiet);
            if (watchers.firstArrival(topic, since).isEmpty()) {
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Waits until the registers reached every BSD's version (the projection caught up), or the limit. */
    private static void awaitRegisters(Checks checks, Map<String, Long> bsds, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Checks probe = new Checks(Stack.root(), Stack.env());
            probe.figures.clear();
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Stack.env().get("PG_PORT") + "/registry",
                    Stack.env().get("DB_USER"), Stack.env().get("DB_PASSWORD"));
                 var q = c.prepareStatement("select count(*) from applied_bsd_event where aggregate_id = any(?) and version = "
                         + "(select v from unnest(?::text[], ?::bigint[]) as t(i, v) where t.i = aggregate_id)")) {
                q.setArray(1, c.createArrayOf("text", bsds.keySet().toArray()));
                q.setArray(2, c.createArrayOf("text", bsds.keySet().toArray()));
                q.setArray(3, c.createArrayOf("bigint", bsds.values().toArray()));
                try (var rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == bsds.size()) {
                        return;
                    }
                }
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void log(String message) {
        System.err.println("[chaos " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.now())
                .substring(0, 8) + "] " + message);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
