package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One transporter of the chain (up to 5). */
@Type("BsvhuTransporter")
public class BsvhuTransporter {
    @Id @NonNull public String id;
    public FormCompany company;
    public BsvhuRecepisse recepisse;
    public BsvhuTransport transport;
    public String customInfo;
}
