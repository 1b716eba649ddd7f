package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

/** The single transporter. */
@Type("BspaohTransporter")
public class BspaohTransporter {
    public @Id String id;
    public FormCompany company;
    public String customInfo;
    public BspaohRecepisse recepisse;
    public BspaohTransport transport;
}
