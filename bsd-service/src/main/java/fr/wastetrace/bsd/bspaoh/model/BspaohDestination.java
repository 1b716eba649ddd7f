package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** The crematorium. */
@Type("BspaohDestination")
public class BspaohDestination {
    public String cap;
    public FormCompany company;
    public String customInfo;
    public BspaohHandedOverToDestination handedOverToDestination;
    public BspaohOperation operation;
    public BspaohReception reception;
}
