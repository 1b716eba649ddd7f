package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.search.Bsd;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** One page of {@code wastetraceBsdsAwaitingMySignature}. */
@Type("WastetraceAwaitingPage")
@Description("Extension wastetrace : une page de bordereaux qui attendent une signature de l'un de vos "
        + "établissements, dans l'ordre des identifiants.")
public class WastetraceAwaitingPage {
    public @NonNull List<@NonNull Bsd> nodes;
    @Description("Curseur de la page suivante (argument after) ; absent si la page est vide.")
    public @Id String endCursor;
    public boolean hasNextPage;
}
