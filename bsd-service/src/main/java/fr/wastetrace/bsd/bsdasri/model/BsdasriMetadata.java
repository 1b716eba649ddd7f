package fr.wastetrace.bsd.bsdasri.model;

import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriError;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What is missing for the next signature; {@code latestRevision} is resolved when asked for. */
@Type("BsdasriMetadata")
public class BsdasriMetadata {
    public List<BsdasriError> errors;
    /** The BSDASRI these metadata describe (resolves {@code latestRevision}). */
    @Ignore
    public String bsdasriId;
}
