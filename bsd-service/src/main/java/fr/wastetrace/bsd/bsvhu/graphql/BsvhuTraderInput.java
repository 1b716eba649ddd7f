package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The trader. */
@Input("BsvhuTraderInput")
public class BsvhuTraderInput {
    public CompanyInput company;
    public BsvhuRecepisseInput recepisse;
}
