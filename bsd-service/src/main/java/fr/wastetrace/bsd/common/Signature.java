package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A signature on a BSD: who signed, and when. */
@Type("Signature")
public class Signature {
    public String author;
    public Instant date;

    public Signature() {
    }

    public Signature(String author, Instant date) {
        this.author = author;
        this.date = date;
    }
}
