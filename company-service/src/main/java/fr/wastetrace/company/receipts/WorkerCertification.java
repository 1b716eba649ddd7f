package fr.wastetrace.company.receipts;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("WorkerCertification")
public class WorkerCertification {
    @Id
    @NonNull
    public String id;
    @NonNull
    public boolean hasSubSectionFour;
    @NonNull
    public boolean hasSubSectionThree;
    public String certificationNumber;
    public OffsetDateTime validityLimit;
    public String organisation;

    public static WorkerCertification of(WorkerCertificationEntity entity) {
        if (entity == null) {
            return null;
        }
        WorkerCertification view = new WorkerCertification();
        view.id = entity.id;
        view.hasSubSectionFour = entity.hasSubSectionFour;
        view.hasSubSectionThree = entity.hasSubSectionThree;
        view.certificationNumber = entity.certificationNumber;
        view.validityLimit = entity.validityLimit;
        view.organisation = entity.organisation;
        return view;
    }
}
