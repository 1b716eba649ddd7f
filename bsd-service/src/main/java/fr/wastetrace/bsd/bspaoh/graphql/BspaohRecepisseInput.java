package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Whether the transporter is exempted of receipt. */
@Input("BspaohRecepisseInput")
public class BspaohRecepisseInput {
    public Boolean isExempted;
}
