package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

/** Information about a BSDD that is not written on it. */
@Type("FormMetadata")
public class FormMetadata {
    public FormRevisionRequest latestRevision;
}
