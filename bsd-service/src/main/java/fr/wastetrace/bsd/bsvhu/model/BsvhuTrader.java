package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** The trader, if any. */
@Type("BsvhuTrader")
public class BsvhuTrader {
    public FormCompany company;
    public BsvhuRecepisse recepisse;
}
