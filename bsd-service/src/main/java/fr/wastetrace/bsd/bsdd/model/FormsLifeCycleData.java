package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

/** A page of status logs. */
@Type("formsLifeCycleData")
public class FormsLifeCycleData {
    @NonNull
    public List<@NonNull StatusLog> statusLogs = new ArrayList<>();
    public Boolean hasNextPage;
    public Boolean hasPreviousPage;
    @Id
    public String startCursor;
    @Id
    public String endCursor;
    public Integer count;
}
