package fr.wastetrace.bsd.bsdd.persistence;

import fr.wastetrace.bsd.bsdd.model.Transporter;

import java.time.Instant;

/** A stored transporter: attached to a BSDD ({@code formId}, {@code number} 1..5) or not yet ({@code number} 0). */
public class TransporterRecord {
    public String formId;
    public int number;
    public Instant createdAt;
    public Transporter data = new Transporter();

    public String id() {
        return data.id;
    }
}
