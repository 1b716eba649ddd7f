package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** The broker, if any. */
@Type("BsvhuBroker")
public class BsvhuBroker {
    public FormCompany company;
    public BsvhuRecepisse recepisse;
}
