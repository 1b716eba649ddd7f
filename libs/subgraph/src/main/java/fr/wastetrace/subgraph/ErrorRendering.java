package fr.wastetrace.subgraph;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hooks {@link ApiErrors} into SmallRye GraphQL: an instrumentation, added to the ones SmallRye sets up, renders the
 * errors of every answer once it is complete. Registered as a SmallRye {@link EventingService} (ServiceLoader).
 */
public final class ErrorRendering implements EventingService, Instrumentation {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = null;
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            existing = (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            ApiErrors.LOG.warn("cannot read SmallRye's GraphQL instrumentation; errors are rendered without it", e);
        }
        return builder.instrumentation(existing == null ? this : new ChainedInstrumentation(List.of(existing, this)));
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return CompletableFuture.completedFuture(ApiErrors.render(result, parameters.getOperation()));
    }
}
