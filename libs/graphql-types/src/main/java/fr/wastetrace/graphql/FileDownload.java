package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.Type;

/** A short-lived link to a file: {@code downloadLink} is fetched with a plain GET; {@code token} is the same token. */
@Type("FileDownload")
public class FileDownload {
    public String token;
    public String downloadLink;

    public FileDownload(String token, String downloadLink) {
        this.token = token;
        this.downloadLink = downloadLink;
    }
}
