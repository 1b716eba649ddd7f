package fr.wastetrace.bsd.core.validation;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.TransportMode;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules every multimodal type's transporter follows when it signs its {@code TRANSPORT} step (its fields cannot
 * change once it signed): a company identified by its SIRET, or by its VAT number when foreign, with its name,
 * address, contact, phone and e-mail; a receipt for a road transporter registered in France unless exempted (taken
 * from its profile when it signs); the mode; the plates by road. The type says where these parts are in its
 * transporter class.
 */
public final class TransporterRules {
    private TransporterRules() {
    }

    /**
     * The rules, for a type whose signature steps are {@code steps}; {@code vatWithoutSiret}: the VAT number is
     * asked for (as well as the SIRET) when neither is given.
     */
    public static <T> EditionRules<T> of(List<String> steps, Function<T, FormCompany> company,
                                         Predicate<T> exempted, Function<T, TransportMode> mode,
                                         boolean vatWithoutSiret) {
        Predicate<T> receipt = t -> receiptRequired(company.apply(t), exempted.test(t), mode.apply(t));
        EditionRules.Builder<T> b = EditionRules.<T>builder(steps)
                .rule("company.siret", "Le SIRET du transporteur", t -> "TRANSPORT", t -> true, "TRANSPORT",
                        (t, s) -> company.apply(t) == null || !notBlank(company.apply(t).vatNumber));
        if (vatWithoutSiret) {
            b.rule("company.vatNumber", "Le N° de TVA du transporteur", t -> "TRANSPORT", t -> true, "TRANSPORT",
                    (t, s) -> company.apply(t) == null || !notBlank(company.apply(t).siret));
        }
        return b.required("company.name", "La raison sociale du transporteur", "TRANSPORT", "TRANSPORT")
                .required("company.address", "L'adresse du transporteur", "TRANSPORT", "TRANSPORT")
                .required("company.contact", "La personne à contacter chez le transporteur", "TRANSPORT", "TRANSPORT")
                .required("company.phone", "Le N° de téléphone du transporteur", "TRANSPORT", "TRANSPORT")
                .required("company.mail", "L'adresse e-mail du transporteur", "TRANSPORT", "TRANSPORT")
                .rule("recepisse.number", "Le numéro de récépissé du transporteur", t -> "TRANSPORT", t -> true,
                        "TRANSPORT", (t, s) -> receipt.test(t))
                .rule("recepisse.department", "Le département du récépissé du transporteur", t -> "TRANSPORT",
                        t -> true, "TRANSPORT", (t, s) -> receipt.test(t))
                .rule("recepisse.validityLimit", "La date de validité du récépissé du transporteur", t -> "TRANSPORT",
                        t -> true, "TRANSPORT", (t, s) -> receipt.test(t))
                .required("transport.mode", "Le mode de transport", "TRANSPORT", "TRANSPORT")
                .rule("transport.plates", "L'immatriculation du véhicule", t -> "TRANSPORT", t -> true, "TRANSPORT",
                        (t, s) -> mode.apply(t) == TransportMode.ROAD)
                .build();
    }

    /** A road transporter (no mode yet counts as road) registered in France shows its receipt unless exempted. */
    public static boolean receiptRequired(FormCompany company, boolean exempted, TransportMode mode) {
        return !exempted && (mode == null || mode == TransportMode.ROAD) && !isForeign(company);
    }

    /** Identified by a foreign VAT number, without SIRET. */
    public static boolean isForeign(FormCompany company) {
        return company != null && !notBlank(company.siret) && notBlank(company.vatNumber)
                && !company.vatNumber.toUpperCase().startsWith("FR");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
