package fr.wastetrace.bsd.bsvhu.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

/** A receipt: only the exemption is taken from the client, the rest comes from the company's profile. */
@Input("BsvhuRecepisseInput")
public class BsvhuRecepisseInput {
    @Deprecated public String number;
    @Deprecated public String department;
    @Deprecated public Instant validityLimit;
    @Name("isExempted") public Boolean isExempted;
}
