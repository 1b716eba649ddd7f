package fr.wastetrace.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.identity.RequestIdentity;
import fr.wastetrace.gateway.ratelimit.OperationLimits;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one client operation: validates it against the composed schema (documents are parsed and validated once,
 * then cached), sends each subgraph the part it owns, and shapes the response from their answers with graphql-java,
 * so that aliases, fragments, nullability and introspection behave exactly as the schema says.
 *
 * <p>An operation that one subgraph answers whole (one call, no entity fetch, no introspection field at its root) is
 * passed through: the subgraph gets the client's operation as written, and its data goes to the client as it came,
 * with its errors rewritten as for any answer ({@link #remoteErrors}); the query is not executed a second time. An
 * answer without a data object (the subgraph refused the request, or could not be reached) is shaped as usual.
 */
@ApplicationScoped
public class FederatedExecutor {
    private static final Logger LOG = Logger.getLogger(FederatedExecutor.class);
    private static final int DOCUMENT_CACHE_SIZE = 2_000;
    /** The classification of the depth limit's refusals, which graphql-java's own validation does not have. */
    private static final graphql.validation.ValidationErrorClassification TOO_DEEP = new graphql.validation.ValidationErrorClassification() {
        @Override
        public String toString() {
            return "MaxDepthExceeded";
        }
    };
    /** The classification of the refusals of a document that selects too many fields, fragments expanded. */
    private static final graphql.validation.ValidationErrorClassification TOO_MANY_FIELDS = new graphql.validation.ValidationErrorClassification() {
        @Override
        public String toString() {
            return "MaxFieldsExceeded";
        }
    };
    /** The classification of the refusals of a string literal holding U+0000. */
    private static final graphql.validation.ValidationErrorClassification NUL_CHARACTER = new graphql.validation.ValidationErrorClassification() {
        @Override
        public String toString() {
            return "NulCharacter";
        }
    };

    /** Histogram buckets of the operations' durations (a few, so that every operation can have its series). */
    private static final Duration[] OPERATION_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500,
            1000, 2500, 5000, 10000, 30000).map(Duration::ofMillis).toArray(Duration[]::new);

    @Inject
    SchemaRegistry registry;
    @Inject
    SubgraphClient client;
    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    OperationLimits operationLimits;
    @Inject
    MeterRegistry meters;

    /** The engine of the current composed schema; replaced when the registry composes a new one (compared by identity). */
    private volatile Engine current;

    /** The outcome of one operation: its HTTP status and the GraphQL response body. */
    public record Outcome(int status, Map<String, Object> body) {
    }

    /** One request: the fields of a GraphQL POST body (or GET parameters; {@code readOnly}: no mutation). */
    public record Request(String query, String operationName, Map<String, Object> variables, boolean readOnly) {
    }

    /** How an operation sent over a WebSocket goes on: refused, run like any request, or routed as a subscription. */
    public sealed interface Routing permits Routing.Refused, Routing.Operation, Routing.Subscription {
        /** The operation fails a check: {@code outcome} is the response that says why. */
        record Refused(Outcome outcome) implements Routing {
        }

        /** A query or a mutation: {@link #execute} runs it. */
        record Operation() implements Routing {
        }

        /**
         * A subscription that passed every check, for the subgraph that owns its root field (every field it selects
         * is that subgraph's).
         */
        record Subscription(String subgraph, Document document, OperationDefinition operation,
                            Map<String, Object> variables) implements Routing {
        }
    }

    /**
     * An operation that passed every check (document, guards, limits), with its plan; {@code passThroughQuery}: what to
     * send its one subgraph when the answer can go to the client as it comes ({@link QueryPlanner#passThroughQuery}),
     * else null.
     */
    private record Checked(Engine engine, String query, Document document, OperationDefinition operation,
                           Map<String, Object> variables, QueryPlanner.Plan plan, String passThroughQuery) {
    }

    /**
     * Runs one GraphQL operation; each is counted and timed in {@code wastetrace_gateway_operations_seconds} by its
     * first root field ({@code operation}, bounded by the schema; {@code invalid} for a refused document), type and
     * outcome ({@code ok}; {@code client_error}: an answer with errors, none of them the server's; {@code server_error}:
     * an {@code INTERNAL_SERVER_ERROR} in the answer, or a status of 500 and more; {@code refused}: another status).
     */
    public Outcome execute(Request request, RequestIdentity identity, String clientIp) {
        long started = System.nanoTime();
        String name = "invalid";
        String type = "unknown";
        Outcome outcome = null;
        try {
            Object checked = check(request, clientIp);
            if (checked instanceof Outcome refusal) {
                outcome = refusal;
                return refusal;
            }
            Checked operation = (Checked) checked;
            type = operation.operation().getOperation().name().toLowerCase(Locale.ROOT);
            name = rootFieldNames(operation.operation()).findFirst().orElse("fragment");
            if (operation.operation().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                outcome = new Outcome(400, GraphQLErrors.response("Les abonnements (subscription) passent par WebSocket : "
                        + "connectez-vous à ws(s)://<hôte>/ ou /graphql avec le sous-protocole graphql-transport-ws (ou "
                        + "graphql-ws).", GraphQLErrors.VALIDATION_FAILED));
                return outcome;
            }
            Outcome restricted = credentialsRefusal(operation.operation(), identity);
            if (restricted != null) {
                outcome = restricted;
                return outcome;
            }
            outcome = run(operation, request, identity);
            return outcome;
        } finally {
            String result = outcome == null || outcome.status() >= 500 ? "server_error"
                    : outcome.status() != 200 ? "refused" : errorKind(outcome.body());
            Timer.builder("wastetrace.gateway.operations")
                    .description("GraphQL operations through the gateway, by first root field, type and outcome")
                    .tags("operation", name, "type", type, "outcome", result)
                    .serviceLevelObjectives(OPERATION_BUCKETS)
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The refusal of an operation the request's credentials do not allow (issue #25 item 8): a personal access token
     * that expired ({@code UNAUTHENTICATED}, saying when), a read-only one sending a mutation ({@code FORBIDDEN},
     * naming it); null when they allow it.
     */
    static Outcome credentialsRefusal(OperationDefinition operation, RequestIdentity identity) {
        if (identity.credentialsExpiredAt() != null) {
            return new Outcome(200, GraphQLErrors.response("Votre jeton d'accès a expiré le "
                    + identity.credentialsExpiredAt() + " (UTC) : créez-en un nouveau (createAccessToken), ou envoyez un "
                    + "jeton valide.", "UNAUTHENTICATED"));
        }
        if (identity.caller().readOnly() && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            String mutations = rootFieldNames(operation).distinct().collect(Collectors.joining(", "));
            return new Outcome(200, GraphQLErrors.response("Votre jeton d'accès est en lecture seule : la mutation « "
                    + mutations + " » lui est refusée. Utilisez un jeton sans la restriction readOnly.", "FORBIDDEN"));
        }
        return null;
    }

    /** The names of the fields at the root of the operation (not those of the fragments it spreads there). */
    private static Stream<String> rootFieldNames(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .filter(graphql.language.Field.class::isInstance).map(f -> ((graphql.language.Field) f).getName());
    }

    private static String errorKind(Map<String, Object> body) {
        if (!(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return "ok";
        }
        for (Object error : errors) {
            if (error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions
                    && GraphQLErrors.INTERNAL.equals(extensions.get("code"))) {
                return "server_error";
            }
        }
        return "client_error";
    }

    /** Checks an operation received over a WebSocket like any request, and says how it goes on. */
    public Routing route(Request request, String clientIp) {
        Object checked = check(request, clientIp);
        if (checked instanceof Outcome refusal) {
            return new Routing.Refused(refusal);
        }
        Checked operation = (Checked) checked;
        if (operation.operation().getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return new Routing.Operation();
        }
        QueryPlanner.SubgraphCall call = operation.plan().stages().get(0).get(0);
        if (!call.fetches().isEmpty()) {
            return new Routing.Refused(new Outcome(400, GraphQLErrors.response("Un abonnement ne peut sélectionner que "
                    + "des champs du service « " + call.subgraph() + " » : retirez les autres, puis interrogez-les à "
                    + "part.", GraphQLErrors.VALIDATION_FAILED)));
        }
        return new Routing.Subscription(call.subgraph(), operation.document(), operation.operation(), operation.variables());
    }

    /** The checks every operation passes before it runs: the {@link Checked} operation, or the {@link Outcome} refusing it. */
    private Object check(Request request, String clientIp) {
        if (request.query() != null && request.query().length() > config.limits().maxQueryLength()) {
            return new Outcome(413, GraphQLErrors.response("Le document GraphQL dépasse " + config.limits().maxQueryLength()
                    + " caractères : découpez la requête.", GraphQLErrors.BAD_USER_INPUT));
        }
        ComposedSchema schema = registry.current().orElse(null);
        if (schema == null) {
            return new Outcome(503, GraphQLErrors.response(
                    "L'API démarre : aucun service n'a encore publié son schéma. Réessayez dans quelques secondes.",
                    GraphQLErrors.INTERNAL));
        }
        if (request.query() == null || request.query().isBlank()) {
            return new Outcome(400, GraphQLErrors.response(
                    "La requête ne contient pas de champ « query » : envoyez un document GraphQL.", GraphQLErrors.BAD_USER_INPUT));
        }
        Engine engine = engine(schema);
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        String query = LegacyArguments.normalise(request.query());
        ExecutionInput input = input(query, request.operationName(), variables);

        PreparsedDocumentEntry document = engine.document(input);
        if (document.hasErrors()) {
            boolean syntax = document.getErrors().stream().noneMatch(e -> e instanceof ValidationError);
            List<Map<String, Object>> errors = document.getErrors().stream()
                    .map(e -> errorMap(e, syntax ? GraphQLErrors.PARSE_FAILED : GraphQLErrors.VALIDATION_FAILED)).toList();
            return new Outcome(400, Map.of("errors", errors));
        }
        Prepared prepared = engine.prepared(query, request.operationName(), document.getDocument(), config.limits());
        if (prepared == null) {
            return new Outcome(400, GraphQLErrors.response(
                    "Indiquez quelle opération exécuter (operationName) : le document en contient plusieurs, ou aucune de ce nom.",
                    GraphQLErrors.VALIDATION_FAILED));
        }
        OperationDefinition operation = prepared.operation();
        if (request.readOnly() && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            return new Outcome(405, GraphQLErrors.response("Les mutations s'envoient par POST.", GraphQLErrors.BAD_USER_INPUT));
        }
        int operations = Guards.operationCount(document.getDocument());
        if (operations > config.limits().maxOperations()) {
            return new Outcome(400, tooManyOperations(operations));
        }
        if (prepared.fields() > config.limits().maxFields()) {
            return new Outcome(400, GraphQLErrors.response("La requête sélectionne trop de champs (plus de "
                    + config.limits().maxFields() + ") : demandez moins de champs ou découpez-la.", GraphQLErrors.VALIDATION_FAILED));
        }
        List<String> variableProblems = VariableValues.problems(schema.schema(), operation, variables);
        if (!variableProblems.isEmpty()) {
            return new Outcome(400, Map.of("errors", variableProblems.stream()
                    .map(problem -> GraphQLErrors.error(problem, GraphQLErrors.BAD_USER_INPUT)).toList()));
        }
        QueryPlanner.Plan plan = prepared.plan().bind(variables);

        var limited = operationLimits.firstExceeded(plan, clientIp);
        if (limited.isPresent()) {
            return new Outcome(200, GraphQLErrors.response(limited.get().message(), "TOO_MANY_REQUESTS"));
        }
        return new Checked(engine, query, document.getDocument(), operation, variables, plan, prepared.passThroughQuery());
    }

    /**
     * The operations the request's document asks for ({@link Guards#operationCount}), so that a batch can be
     * refused as a whole; 0 when the document does not pass validation (it is refused on its own then).
     */
    public int operationCount(Request request) {
        ComposedSchema schema = registry.current().orElse(null);
        if (schema == null || request.query() == null || request.query().length() > config.limits().maxQueryLength()) {
            return 0;
        }
        PreparsedDocumentEntry document = engine(schema).document(
                input(LegacyArguments.normalise(request.query()), request.operationName(), Map.of()));
        return document.hasErrors() ? 0 : Guards.operationCount(document.getDocument());
    }

    /** The refusal of a request that asks for more operations than the limit (the reference API's code). */
    public Map<String, Object> tooManyOperations(int operations) {
        return GraphQLErrors.response("Une requête peut demander au plus " + config.limits().maxOperations()
                + " opérations, celle-ci en demande " + operations + " (chaque champ à la racine de chaque opération "
                + "compte, alias compris, et les documents d'une requête groupée s'additionnent) : découpez-la en "
                + "plusieurs requêtes.", GraphQLErrors.MAX_OPERATIONS);
    }

    /** The engine of the current composed schema (compared by identity: a record's hashCode would hash it all). */
    private Engine engine(ComposedSchema schema) {
        Engine engine = current;
        if (engine == null || engine.schema != schema) {
            engine = new Engine(schema, config.limits());
            current = engine;
        }
        return engine;
    }

    private static ExecutionInput input(String query, String operationName, Map<String, Object> variables) {
        return ExecutionInput.newExecutionInput().query(query).operationName(operationName).variables(variables)
                .locale(Locale.FRENCH).build();
    }

    private Outcome run(Checked checked, Request request, RequestIdentity identity) {
        if (checked.passThroughQuery() != null) {
            return passThrough(checked, request, identity);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        List<GraphQLError> remoteErrors = new ArrayList<>();
        // Root result keys a subgraph answered with a request error only (no data): that error says why they are null.
        Set<String> refusedKeys = new HashSet<>();
        for (List<QueryPlanner.SubgraphCall> stage : checked.plan().stages()) {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (QueryPlanner.SubgraphCall call : stage) {
                calls.add(send(call, call.query(), identity).handle((answer, failure) -> {
                    collect(call, answer, failure, data, remoteErrors, refusedKeys);
                    return null;
                }));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            for (QueryPlanner.SubgraphCall call : stage) {
                if (!call.fetches().isEmpty()) {
                    runFetches(call.fetches(), List.of(new Target(data, List.of())), identity, remoteErrors);
                }
            }
        }
        return shape(checked, request, data, remoteErrors, refusedKeys);
    }

    /** Sends one call of a plan: a mutation once, a query retried if the subgraph fails. */
    private CompletableFuture<JsonNode> send(QueryPlanner.SubgraphCall call, String query, RequestIdentity identity) {
        return call.mutation() ? client.mutate(call.subgraph(), query, call.variables(), identity)
                : client.read(call.subgraph(), query, call.variables(), identity);
    }

    /**
     * Runs an operation its one subgraph answers whole (see the class): the subgraph's data as it came, its errors
     * rewritten; an answer without a data object, or no answer, is shaped as usual (every root key is null then, so
     * the shaping needs no {@code __typename} the client did not ask for).
     */
    private Outcome passThrough(Checked checked, Request request, RequestIdentity identity) {
        QueryPlanner.SubgraphCall call = checked.plan().stages().get(0).get(0);
        JsonNode answer = null;
        Throwable failure = null;
        try {
            answer = send(call, checked.passThroughQuery(), identity).join();
        } catch (CompletionException | CancellationException e) {
            failure = e;
        }
        if (failure != null || !answer.path("data").isObject()) {
            passThroughCounter("shaped").increment();
            Map<String, Object> data = new LinkedHashMap<>();
            List<GraphQLError> remoteErrors = new ArrayList<>();
            Set<String> refusedKeys = new HashSet<>();
            collect(call, answer, failure, data, remoteErrors, refusedKeys);
            return shape(checked, request, data, remoteErrors, refusedKeys);
        }
        passThroughCounter("passed").increment();
        Map<String, Object> body = new LinkedHashMap<>();
        List<GraphQLError> errors = remoteErrors(call.subgraph(), answer).errors();
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> errorMap(e, GraphQLErrors.INTERNAL)).toList());
        }
        body.put("data", answer.get("data"));
        return new Outcome(200, body);
    }

    private Counter passThroughCounter(String result) {
        return Counter.builder("wastetrace.gateway.pass.through")
                .description("Operations one subgraph answered whole: passed (its data went to the client as it came) "
                        + "or shaped (no data object in its answer: shaped by the gateway as usual)")
                .tag("result", result).register(meters);
    }

    /** The response from the subgraphs' answers, shaped by graphql-java over the client's operation. */
    private Outcome shape(Checked checked, Request request, Map<String, Object> data, List<GraphQLError> remoteErrors,
                          Set<String> refusedKeys) {
        Engine engine = checked.engine();
        ExecutionResult result = engine.graphQL.execute(input(checked.query(), request.operationName(), checked.variables())
                .transform(b -> b.root(data)));
        List<GraphQLError> errors = new ArrayList<>(remoteErrors);
        for (GraphQLError error : result.getErrors()) {
            if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
                // graphql-java refuses introspection that repeats __schema/__type or nests too deep (a known way to
                // make a server compute huge answers): the client's document is at fault, not the server.
                errors.add(new RemoteError("L'introspection demande trop à la fois (" + error.getMessage()
                        + ") : envoyez une seule requête __schema, ou un seul __type, par document.", null,
                        Map.of("code", GraphQLErrors.VALIDATION_FAILED)));
                continue;
            }
            // A null root value already explained by the subgraph's own error needs no second error.
            if (!(error instanceof NonNullableFieldWasNullError && explained(error, remoteErrors, refusedKeys))) {
                errors.add(error);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> errorMap(e, GraphQLErrors.INTERNAL)).toList());
        }
        body.put("data", result.getData());
        return new Outcome(200, body);
    }

    /** An object of an answer, with its path from the response's root (keys and list indexes). */
    private record Target(Map<String, Object> object, List<Object> path) {
    }

    /**
     * Runs the entity fetches of one hop concurrently, each as ONE {@code _entities} call for every object found at its
     * path from {@code bases}; merges the answers into those objects, then runs the fetches nested in them.
     */
    private void runFetches(List<EntityFetch> fetches, List<Target> bases, RequestIdentity identity, List<GraphQLError> errors) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (EntityFetch fetch : fetches) {
            List<Target> targets = new ArrayList<>();
            synchronized (errors) {
                bases.forEach(base -> walk(base.object(), base.path(), fetch.path(), 0, targets));
            }
            targets.removeIf(t -> !fetch.type().equals(t.object().get("__typename")));
            Map<Map<String, Object>, List<Target>> byRepresentation = new LinkedHashMap<>();
            for (Target target : targets) {
                Map<String, Object> representation = new LinkedHashMap<>();
                representation.put("__typename", fetch.type());
                fetch.keyFields().forEach(k -> representation.put(k, target.object().get(EntityFetch.KEY_ALIAS_PREFIX + k)));
                if (representation.values().stream().anyMatch(Objects::isNull)) {
                    fetch.fields().forEach(f -> target.object().put(f, null));
                } else {
                    byRepresentation.computeIfAbsent(representation, r -> new ArrayList<>()).add(target);
                }
            }
            if (byRepresentation.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> representations = new ArrayList<>(byRepresentation.keySet());
            List<List<Target>> groups = new ArrayList<>(byRepresentation.values());
            Map<String, Object> variables = new LinkedHashMap<>(fetch.variables());
            variables.put(EntitySplitter.REPRESENTATIONS, representations);
            calls.add(client.read(fetch.subgraph(), fetch.query(), variables, identity)
                    .handle((answer, failure) -> {
                        List<Target> resolved = merge(fetch, groups, answer, failure, errors);
                        if (!fetch.nested().isEmpty() && !resolved.isEmpty()) {
                            runFetches(fetch.nested(), resolved, identity, errors);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    @SuppressWarnings("unchecked")
    private List<Target> merge(EntityFetch fetch, List<List<Target>> groups, JsonNode answer, Throwable failure,
                               List<GraphQLError> errors) {
        List<Target> resolved = new ArrayList<>();
        synchronized (errors) {
            JsonNode entities = failure == null ? answer.path("data").path("_entities") : null;
            if (entities == null || !entities.isArray()) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.warnf("entity fetch of %s from subgraph %s failed: %s", fetch.type(), fetch.subgraph(),
                        cause != null ? cause.getMessage() : answer);
                groups.forEach(group -> group.forEach(t -> fetch.fields().forEach(f -> t.object().put(f, null))));
                List<Object> path = new ArrayList<>(groups.get(0).get(0).path());
                path.add(fetch.fields().get(0));
                errors.add(new RemoteError("Le service « " + fetch.subgraph() + " » est momentanément indisponible : "
                        + "réessayez dans quelques instants.", path, Map.of("code", GraphQLErrors.INTERNAL)));
                return resolved;
            }
            for (int i = 0; i < groups.size(); i++) {
                JsonNode entity = entities.get(i);
                Map<String, Object> values = entity == null || entity.isNull() ? null : mapper.convertValue(entity, Map.class);
                for (Target target : groups.get(i)) {
                    for (String field : fetch.fields()) {
                        // Each object gets its own copy: the response shaping must never see one map at two places.
                        target.object().put(field, values == null ? null
                                : mapper.convertValue(mapper.valueToTree(values.get(field)), Object.class));
                    }
                    if (values != null) {
                        values.forEach((key, value) -> {
                            if (key.startsWith(EntityFetch.KEY_ALIAS_PREFIX)) {
                                target.object().put(key, value);
                            }
                        });
                        resolved.add(target);
                    }
                }
            }
            for (JsonNode error : answer.path("errors")) {
                List<Object> path = new ArrayList<>(groups.get(0).get(0).path());
                JsonNode remotePath = error.path("path");
                int index = remotePath.size() > 1 ? remotePath.get(1).asInt(0) : 0;
                if (index < groups.size()) {
                    path = new ArrayList<>(groups.get(index).get(0).path());
                }
                for (int p = 2; p < remotePath.size(); p++) {
                    path.add(remotePath.get(p).isInt() ? remotePath.get(p).asInt() : remotePath.get(p).asText());
                }
                errors.add(remoteError(fetch.subgraph(), error, path));
            }
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, List<Object> at, List<String> path, int depth, List<Target> out) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> itemPath = new ArrayList<>(at);
                itemPath.add(i);
                walk(list.get(i), itemPath, path, depth, out);
            }
        } else if (node instanceof Map<?, ?> map) {
            if (depth == path.size()) {
                out.add(new Target((Map<String, Object>) map, at));
            } else {
                List<Object> childPath = new ArrayList<>(at);
                childPath.add(path.get(depth));
                walk(map.get(path.get(depth)), childPath, path, depth + 1, out);
            }
        }
    }

    private static boolean explained(GraphQLError error, List<GraphQLError> remoteErrors, Set<String> refusedKeys) {
        List<Object> path = error.getPath();
        return path != null && !path.isEmpty() && (refusedKeys.contains(String.valueOf(path.get(0))) || remoteErrors.stream()
                .anyMatch(r -> r.getPath() != null && !r.getPath().isEmpty() && r.getPath().get(0).equals(path.get(0))));
    }

    @SuppressWarnings("unchecked")
    private void collect(QueryPlanner.SubgraphCall call, JsonNode answer, Throwable failure, Map<String, Object> data,
                         List<GraphQLError> errors, Set<String> refusedKeys) {
        synchronized (data) {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.warnf("call to subgraph %s failed: %s", call.subgraph(), cause.getMessage());
                for (String key : call.resultKeys()) {
                    data.put(key, null);
                    errors.add(new RemoteError("Le service « " + call.subgraph() + " » est momentanément indisponible : "
                            + "réessayez dans quelques instants.", List.of(key), Map.of("code", GraphQLErrors.INTERNAL)));
                }
                return;
            }
            JsonNode answerData = answer.path("data");
            for (String key : call.resultKeys()) {
                data.put(key, answerData.isObject() ? mapper.convertValue(answerData.get(key), Object.class) : null);
            }
            AnswerErrors answerErrors = remoteErrors(call.subgraph(), answer);
            errors.addAll(answerErrors.errors());
            if (answerErrors.inputMistake() || (!answerData.isObject() && !answer.path("errors").isEmpty())) {
                refusedKeys.addAll(call.resultKeys());
            }
        }
    }

    /** The errors of a subgraph's answer as the client gets them; {@code inputMistake}: the subgraph refused its values. */
    private record AnswerErrors(List<GraphQLError> errors, boolean inputMistake) {
    }

    /** The errors of one subgraph's answer to a call of the plan, rewritten for the client ({@link #remoteError}). */
    @SuppressWarnings("unchecked")
    private AnswerErrors remoteErrors(String subgraph, JsonNode answer) {
        JsonNode answerErrors = answer.path("errors");
        if (answerErrors.isEmpty()) {
            return new AnswerErrors(List.of(), false);
        }
        // A subgraph that could not read the request's values also reports the nulls that follow: the client
        // needs only the first, at the path of the field whose argument it is.
        boolean inputMistake = false;
        List<Object> nullPath = null;
        for (JsonNode error : answerErrors) {
            inputMistake |= SubgraphInputErrors.recognise(subgraph, error.path("message").asText("")).isPresent();
            if (nullPath == null && error.has("path") && SubgraphInputErrors.isNullBubbling(error.path("message").asText(""))) {
                nullPath = mapper.convertValue(error.get("path"), List.class);
            }
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (JsonNode error : answerErrors) {
            if (inputMistake && SubgraphInputErrors.isNullBubbling(error.path("message").asText(""))) {
                continue;
            }
            List<Object> path = error.has("path") ? mapper.convertValue(error.get("path"), List.class)
                    : SubgraphInputErrors.isArgumentMistake(error.path("message").asText("")) ? nullPath : null;
            errors.add(remoteError(subgraph, error, path));
        }
        return new AnswerErrors(errors, inputMistake);
    }

    /** A subgraph's error as the client gets it (see {@link #remoteError}), in the response format, at its own path. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> clientError(String subgraph, JsonNode error) {
        List<Object> path = error.has("path") ? mapper.convertValue(error.get("path"), List.class) : null;
        return errorMap(remoteError(subgraph, error, path), GraphQLErrors.INTERNAL);
    }

    /**
     * A subgraph's error as the client gets it, at {@code path}. A code outside the contract is the subgraph's
     * unexpected failure, named after its exception class: the client gets the contract's server error, the log keeps
     * what happened.
     */
    @SuppressWarnings("unchecked")
    private RemoteError remoteError(String subgraph, JsonNode error, List<Object> path) {
        Map<String, Object> extensions = error.has("extensions")
                ? mapper.convertValue(error.get("extensions"), Map.class) : Map.of();
        String message = error.path("message").asText("Erreur serveur");
        if (!GraphQLErrors.CONTRACT_CODES.contains(String.valueOf(extensions.get("code")))) {
            Optional<SubgraphInputErrors.Mistake> mistake = SubgraphInputErrors.recognise(subgraph, message);
            if (mistake.isPresent()) {
                LOG.infof("subgraph %s refused the request's values at %s: %s", subgraph, path, message);
                return new RemoteError(mistake.get().message(), path, Map.of("code", mistake.get().code()));
            }
            LOG.errorf("subgraph %s answered an error outside the contract at %s: %s (%s, error id %s)", subgraph, path,
                    message, extensions.get("code"), extensions.get(GraphQLErrors.ERROR_ID));
            return new RemoteError("Erreur serveur", path, Map.of("code", GraphQLErrors.INTERNAL));
        }
        return new RemoteError(message, path, extensions);
    }

    private static Map<String, Object> errorMap(GraphQLError error, String defaultCode) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("message", error.getMessage());
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            map.put("locations", error.getLocations().stream()
                    .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        }
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            map.put("path", error.getPath());
        }
        Map<String, Object> extensions = new HashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.putIfAbsent("code", defaultCode);
        map.put("extensions", extensions);
        return map;
    }

    /** An error reported by a subgraph, passed on with its path and extensions (its locations refer to another text). */
    record RemoteError(String message, List<Object> path, Map<String, Object> extensions) implements GraphQLError {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return null;
        }

        @Override
        public ErrorClassification getErrorType() {
            return graphql.ErrorType.DataFetchingException;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }

    /**
     * What the checks and the planner make of one operation of a valid document; it depends on the document, the
     * operation name and the composed schema only, so it is kept with the document.
     */
    private record Prepared(OperationDefinition operation, int fields, QueryPlanner.Plan plan, String passThroughQuery) {
    }

    /**
     * graphql-java over one composed schema, with its caches of parsed and validated documents and of prepared
     * operations (guards' figures and plan templates).
     */
    private static final class Engine {
        private final GraphQL graphQL;
        private final ComposedSchema schema;
        private final int maxDepth;
        private final int maxFields;
        private final int maxOperations;
        private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();
        private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

        Engine(ComposedSchema schema, GatewayConfig.Limits limits) {
            this.schema = schema;
            this.maxDepth = limits.maxDepth();
            this.maxFields = limits.maxFields();
            this.maxOperations = limits.maxOperations();
            this.graphQL = GraphQL.newGraphQL(schema.schema())
                    .preparsedDocumentProvider((input, compute) ->
                            CompletableFuture.completedFuture(document(input)))
                    .build();
        }

        /** Null when the document has no operation of that name (or several and no name given). */
        Prepared prepared(String query, String operationName, Document document, GatewayConfig.Limits limits) {
            String key = operationName == null ? query : operationName + '\u0000' + query;
            Prepared cached = prepared.get(key);
            if (cached != null) {
                return cached;
            }
            OperationDefinition operation;
            try {
                operation = graphql.language.NodeUtil.getOperation(document, operationName).operationDefinition;
            } catch (RuntimeException noSuchOperation) {
                return null;
            }
            int fields = Guards.complexity(document, operation, limits.maxFields());
            QueryPlanner.Plan plan = fields > limits.maxFields() ? new QueryPlanner.Plan(List.of())
                    : QueryPlanner.template(document, operation, schema);
            Prepared entry = new Prepared(operation, fields, plan, QueryPlanner.passThroughQuery(document, operation, plan));
            if (prepared.size() >= DOCUMENT_CACHE_SIZE) {
                prepared.clear();
            }
            prepared.put(key, entry);
            return entry;
        }

        /**
         * What is refused before the document is walked field by field: more fields than the limit once fragments are
         * expanded (a "fragment bomb" would hold the depth check and graphql-java's validation for hours), and string
         * literals holding U+0000.
         */
        private List<ValidationError> guardErrors(Document document) {
            if (Guards.expandedFields(document, maxFields, maxOperations) > maxFields) {
                return List.of(ValidationError.newValidationError().validationErrorType(TOO_MANY_FIELDS)
                        .description("La requête sélectionne trop de champs une fois ses fragments développés (plus de "
                                + maxFields + " par opération) : demandez moins de champs, ou découpez-la.")
                        .build());
            }
            return Guards.nulCharacter(document).map(location -> List.of(ValidationError.newValidationError()
                    .validationErrorType(NUL_CHARACTER)
                    .description("Une chaîne de la requête contient le caractère nul (U+0000), qu'aucun champ n'accepte : "
                            + "retirez-le.")
                    .sourceLocation(location).build())).orElse(List.of());
        }

        private List<ValidationError> depthErrors(Document document) {
            return Guards.depthViolations(document, maxDepth).stream().map(violation -> ValidationError.newValidationError()
                    .validationErrorType(TOO_DEEP)
                    .description("L'opération" + (violation.operation().isEmpty() ? "" : " « " + violation.operation() + " »")
                            + " dépasse la profondeur maximale de " + maxDepth + " : « " + String.join(".", violation.path())
                            + " » est au niveau " + violation.depth() + " (les champs à la racine sont au niveau 0). "
                            + "Sélectionnez moins de niveaux imbriqués, ou découpez la requête.")
                    .sourceLocation(violation.location())
                    .build()).toList();
        }

        PreparsedDocumentEntry document(ExecutionInput input) {
            PreparsedDocumentEntry cached = documents.get(input.getQuery());
            if (cached != null) {
                return cached;
            }
            ParseAndValidateResult parsed = ParseAndValidate.parse(input);
            PreparsedDocumentEntry entry;
            if (parsed.isFailure()) {
                entry = new PreparsedDocumentEntry(parsed.getSyntaxException().toInvalidSyntaxError());
            } else {
                Document document = parsed.getDocument();
                List<ValidationError> errors = new ArrayList<>(guardErrors(document));
                if (errors.isEmpty()) {
                    // The depth limit is a validation rule of the reference API: its refusals come first, like there.
                    errors.addAll(depthErrors(document));
                    errors.addAll(ParseAndValidate.validate(schema.schema(), document, Locale.FRENCH));
                }
                entry = errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(errors);
            }
            if (documents.size() >= DOCUMENT_CACHE_SIZE) {
                documents.clear();
            }
            documents.put(input.getQuery(), entry);
            return entry;
        }
    }
}
