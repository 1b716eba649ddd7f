package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The transporter. */
@Input("BspaohTransporterInput")
public class BspaohTransporterInput {
    public CompanyInput company;
    public String customInfo;
    public BspaohRecepisseInput recepisse;
    public BspaohTransportInput transport;
}
