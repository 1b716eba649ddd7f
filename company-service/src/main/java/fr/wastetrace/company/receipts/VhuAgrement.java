package fr.wastetrace.company.receipts;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("VhuAgrement")
public class VhuAgrement {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String agrementNumber;
    @NonNull
    public String department;

    public static VhuAgrement of(VhuAgrementEntity entity) {
        if (entity == null) {
            return null;
        }
        VhuAgrement view = new VhuAgrement();
        view.id = entity.id;
        view.agrementNumber = entity.agrementNumber;
        view.department = entity.department;
        return view;
    }
}
