package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The broker. */
@Input("BsvhuBrokerInput")
public class BsvhuBrokerInput {
    public CompanyInput company;
    public BsvhuRecepisseInput recepisse;
}
