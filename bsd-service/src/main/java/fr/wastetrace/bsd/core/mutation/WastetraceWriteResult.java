package fr.wastetrace.bsd.core.mutation;

import fr.wastetrace.bsd.core.search.Bsd;
import fr.wastetrace.subgraph.ApiErrors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The outcome of one BSD's write in a mutation that writes a list of them ({@link Writes#each}). */
@Type("WastetraceWriteResult")
@Description("Le résultat pour un bordereau d'une mutation qui en traite une liste : fait (done, avec le bordereau "
        + "tel qu'il est alors), ou l'erreur qu'aurait donnée la même mutation sur ce seul bordereau.")
public class WastetraceWriteResult {
    @Id
    @NonNull
    public String id;
    @NonNull
    public boolean done;
    public Bsd bsd;
    public WastetraceWriteError error;

    static WastetraceWriteResult done(String id, Bsd bsd) {
        WastetraceWriteResult r = new WastetraceWriteResult();
        r.id = id;
        r.done = true;
        r.bsd = bsd;
        return r;
    }

    static WastetraceWriteResult failed(String id, ApiErrors.ItemError error) {
        WastetraceWriteResult r = new WastetraceWriteResult();
        r.id = id;
        r.error = new WastetraceWriteError();
        r.error.code = error.code();
        r.error.message = error.message();
        r.error.errorId = error.errorId();
        return r;
    }

    @Type("WastetraceWriteError")
    @Description("Une erreur sur un bordereau : son code (comme extensions.code), son message et son identifiant "
            + "(comme extensions.errorId, à citer au support).")
    public static class WastetraceWriteError {
        @NonNull
        public String code;
        @NonNull
        public String message;
        @NonNull
        public String errorId;
    }
}
