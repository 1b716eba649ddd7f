package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** A transporter. */
@Input("BsvhuTransporterInput")
public class BsvhuTransporterInput {
    public CompanyInput company;
    public BsvhuRecepisseInput recepisse;
    public BsvhuTransportInput transport;
    public String customInfo;
}
