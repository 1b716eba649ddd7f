package fr.wastetrace.registry.projection;

import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;

/** Whether the process serves (the default) or runs a one-off command such as {@code rebuild}. */
@ApplicationScoped
public class RunMode {
    public static final String REBUILD = "rebuild";

    @Inject
    @CommandLineArguments
    String[] arguments;

    public boolean isRebuildCommand() {
        return Arrays.asList(arguments).contains(REBUILD);
    }
}
