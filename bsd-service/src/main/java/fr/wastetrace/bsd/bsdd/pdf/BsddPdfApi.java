package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The BSDD as a PDF: {@code formPdf} (a download link); its road-control link is {@code BsddPdfs}' policy. */
@GraphQLApi
public class BsddPdfApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsddPdfs pdfs;

    @Query("formPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSDD, valable 10 secondes.")
    public @NonNull FileDownload formPdf(@Name("id") @NonNull @Id String id) {
        return pdfs.link(Callers.require(identity), id);
    }
}
