package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.bsdd.BsddViews;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequest;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;

import java.util.List;

/** Builds the API's {@link FormRevisionRequest} from a stored request and its BSDD. */
final class RevisionViews {

    private RevisionViews() {
    }

    /**
     * The request; its {@code form} is the BSDD as it is now, with the fields the revision changes as they were when
     * the request was made.
     */
    static FormRevisionRequest of(RevisionRecord r, BsddRecord form, List<TransporterRecord> transporters) {
        FormRevisionRequest view = new FormRevisionRequest();
        view.id = r.id;
        view.createdAt = r.createdAt;
        view.authoringCompany = r.authoringCompany;
        view.comment = r.comment;
        view.status = r.status;
        view.content = r.content;
        view.approvals = r.approvals;
        BsddRecord asRequested = new BsddRecord();
        asRequested.id = form.id;
        asRequested.readableId = form.readableId;
        asRequested.status = form.status;
        asRequested.version = form.version;
        asRequested.ownerSubject = form.ownerSubject;
        asRequested.isDeleted = form.isDeleted;
        asRequested.createdAt = form.createdAt;
        asRequested.updatedAt = form.updatedAt;
        asRequested.draftAccessOrgIds = form.draftAccessOrgIds;
        asRequested.data = RevisionContents.asRequested(form.data, r.initialForm);
        view.form = BsddViews.of(asRequested, transporters);
        return view;
    }
}
