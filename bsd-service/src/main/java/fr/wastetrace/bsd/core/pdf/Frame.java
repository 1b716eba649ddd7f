package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.core.pdf.TextWrap.Run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One frame (cadre) of the form: a title and paragraphs, laid out by {@link PdfPages}. */
public final class Frame {
    public static final String CHECKED = "☒";
    public static final String UNCHECKED = "☐";

    final String title;
    final List<List<Run>> paragraphs = new ArrayList<>();

    public Frame(String title) {
        this.title = title;
    }

    /** {@code label : value}, the value in bold (empty when there is none). */
    public Frame field(String label, String value) {
        paragraphs.add(List.of(Run.regular(label + " : "), Run.bold(value == null ? "" : value)));
        return this;
    }

    public Frame text(String text) {
        paragraphs.add(List.of(Run.regular(text)));
        return this;
    }

    public Frame strong(String text) {
        paragraphs.add(List.of(Run.bold(text)));
        return this;
    }

    /** A check box and its label. */
    public Frame check(boolean checked, String label) {
        paragraphs.add(List.of(Run.bold(box(checked) + " "), Run.regular(label)));
        return this;
    }

    /** {@code label : ☒ first ☐ second …}: one choice per (checked, label) pair. */
    public Frame choices(String label, Object... checkedThenLabel) {
        List<Run> runs = new ArrayList<>();
        runs.add(Run.regular(label.isEmpty() ? "" : label + " : "));
        for (int i = 0; i < checkedThenLabel.length; i += 2) {
            runs.add(Run.bold((i == 0 ? "" : "  ") + box((Boolean) checkedThenLabel[i]) + " "));
            runs.add(Run.regular((String) checkedThenLabel[i + 1]));
        }
        paragraphs.add(runs);
        return this;
    }

    /** A signature stamp: who signed and when, or that nobody has signed yet. */
    public Frame signature(String label, Instant signedAt, String signedBy) {
        if (signedAt == null) {
            return field(label, "non signé");
        }
        String by = signedBy == null || signedBy.isBlank() ? "" : " par " + signedBy;
        return field(label, "signé le " + PdfFormat.dateTime(signedAt) + by);
    }

    /** A signature stamp from a BSD's {@code Signature} (none: not signed yet). */
    public Frame signature(String label, Signature signature) {
        return signature(label, signature == null ? null : signature.date, signature == null ? null : signature.author);
    }

    /** A company as written on a BSD: identifiers, name, address and contact, or that it is not filled in. */
    public Frame company(FormCompany c) {
        if (c == null) {
            return text("Non renseigné.");
        }
        return field("N° SIRET", c.siret)
                .field("N° TVA", c.vatNumber)
                .field("Raison sociale", c.name)
                .field("Adresse", c.address)
                .field("Contact", c.contact)
                .field("Téléphone", c.phone)
                .field("Courriel", c.mail);
    }

    private static String box(boolean checked) {
        return checked ? CHECKED : UNCHECKED;
    }
}
