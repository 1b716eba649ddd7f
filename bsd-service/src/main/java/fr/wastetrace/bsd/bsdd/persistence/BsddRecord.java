package fr.wastetrace.bsd.bsdd.persistence;

import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.core.persistence.BsdRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored BSDD: the core's record (bookkeeping columns and the document of what is written on it), its readable id
 * and, once loaded for a change, its transporters (rows of their own table).
 */
public class BsddRecord extends BsdRecord<BsddData> {
    public String readableId;
    /** The BSDD's transporters in their order, as loaded with it. */
    public List<TransporterRecord> transporters = new ArrayList<>();

    public BsddRecord() {
        data = new BsddData();
    }

    /** The status as the BSDD's enum. */
    public FormStatus status() {
        return status == null ? null : FormStatus.valueOf(status);
    }

    /** Moves the BSDD to {@code next}; a BSDD is a draft exactly while its status is {@code DRAFT}. */
    public void setStatus(FormStatus next) {
        status = next.name();
        isDraft = next == FormStatus.DRAFT;
    }

    public List<Transporter> transporterData() {
        return transporters.stream().map(t -> t.data).toList();
    }
}
