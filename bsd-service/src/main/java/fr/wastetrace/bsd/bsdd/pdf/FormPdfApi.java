package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.common.FileDownload;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The BSDD as a PDF: {@code formPdf} (a download link) and {@code createPdfAccessToken} (a road-control link). */
@GraphQLApi
public class FormPdfApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsddPdfs pdfs;

    @Query("formPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSDD, valable 10 secondes.")
    public @NonNull FileDownload formPdf(@Name("id") @NonNull @Id String id) {
        return pdfs.link(Callers.require(identity), id);
    }

    @Mutation("createPdfAccessToken")
    @Description("Renvoie l'adresse du PDF d'un bordereau pris en charge par un transporteur (SENT ou RESENT), à "
            + "montrer en QR code lors d'un contrôle routier : elle s'ouvre sans connexion pendant 30 minutes.")
    public @NonNull String createPdfAccessToken(@Name("input") @NonNull CreatePdfAccessTokenInput input) {
        return pdfs.roadControlLink(Callers.require(identity), input.bsdId);
    }
}
