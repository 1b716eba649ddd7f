package fr.wastetrace.registry;

import fr.wastetrace.registry.projection.RegisterRebuild;
import fr.wastetrace.registry.projection.RunMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Serves by default; {@code java -jar quarkus-run.jar rebuild} instead rebuilds the registers from the BSD topic and
 * exits (see README).
 */
@QuarkusMain
public class RegistryMain implements QuarkusApplication {
    @Inject
    RegisterRebuild rebuild;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && RunMode.REBUILD.equals(args[0])) {
            rebuild.run();
            return 0;
        }
        System.err.println("usage: java -jar quarkus-run.jar [rebuild]");
        return 2;
    }
}
