package fr.wastetrace.bsd.core.pdf;

import com.fasterxml.jackson.annotation.JsonAlias;
import fr.wastetrace.identity.CallerIdentity;

/**
 * What a download or road-control token stands for: the PDF of one BSD.
 *
 * @param bsdType     the type that renders it ({@link PdfRenderer#bsdType()}); tokens issued before types were named
 *                    are BSDDs
 * @param bsdId       the BSD's id
 * @param requestedBy who asked for the link: the PDF shows what that caller may see, whoever follows the link
 */
public record PdfRequest(String bsdType, @JsonAlias("formId") String bsdId, CallerIdentity requestedBy) {
    public static final String LEGACY_TYPE = "bsdd";

    public PdfRequest {
        bsdType = bsdType == null ? LEGACY_TYPE : bsdType;
    }
}
