package fr.wastetrace.company.exports;

import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.graphql.FileDownload;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@GraphQLApi
public class ExportApi {
    @Inject
    Users users;
    @Inject
    DownloadTokens tokens;
    @Inject
    CompanyConfig config;

    @Query("myCompaniesCsv")
    @Description("Lien de téléchargement (valable 10 secondes, une seule fois) de la liste de vos établissements en CSV.")
    @Transactional
    public FileDownload myCompaniesCsv() {
        return link(CompaniesExport.Format.CSV);
    }

    @Query("myCompaniesXls")
    @Description("Lien de téléchargement (valable 10 secondes, une seule fois) de la liste de vos établissements en XLSX.")
    @Transactional
    public FileDownload myCompaniesXls() {
        return link(CompaniesExport.Format.XLSX);
    }

    private FileDownload link(CompaniesExport.Format format) {
        String token = tokens.issue(users.current().id, format, users.orgScope());
        return new FileDownload(token, config.download().publicUrl() + "/download?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
