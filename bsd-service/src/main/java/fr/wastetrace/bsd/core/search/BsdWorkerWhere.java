package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the worker. */
@Input("BsdWorkerWhere")
public class BsdWorkerWhere {
    public BsdCompanyWhere company;
    public BsdWorkWhere work;
}
