package fr.wastetrace.company.exports;

import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.csv.CsvWriter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The list of a user's companies, as CSV or XLSX. */
public final class CompaniesExport {
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    static final List<String> HEADER = List.of("SIRET ou TVA", "Raison sociale", "Nom usuel", "Adresse", "Profils",
            "Votre rôle", "Contact", "E-mail de contact", "Téléphone de contact", "Site web");

    private CompaniesExport() {
    }

    /** The rows of the user's companies, only those of {@code orgScope} when it is not null (a scoped token's link). */
    static List<List<String>> rows(String userId, Set<String> orgScope) {
        return MembershipEntity.ofUser(userId).stream()
                .filter(m -> orgScope == null || orgScope.contains(m.company.orgId))
                .sorted(Comparator.comparing((MembershipEntity m) -> m.company.name.toLowerCase()).thenComparing(m -> m.company.orgId))
                .map(m -> {
                    CompanyEntity c = m.company;
                    return List.of(c.orgId, c.name, nullToEmpty(c.givenName), nullToEmpty(c.address),
                            String.join(", ", c.companyTypes), m.role.name(), nullToEmpty(c.contact),
                            nullToEmpty(c.contactEmail), nullToEmpty(c.contactPhone), nullToEmpty(c.website));
                }).toList();
    }

    static void write(Format format, List<List<String>> rows, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            CsvWriter csv = new CsvWriter(out);
            csv.line(HEADER);
            for (List<String> row : rows) {
                csv.line(row);
            }
            csv.flush();
            return;
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Établissements");
            writeXlsxRow(sheet.createRow(0), HEADER);
            for (int i = 0; i < rows.size(); i++) {
                writeXlsxRow(sheet.createRow(i + 1), rows.get(i));
            }
            workbook.write(out);
        }
    }

    private static void writeXlsxRow(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
