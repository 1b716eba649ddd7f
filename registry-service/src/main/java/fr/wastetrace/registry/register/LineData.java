package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every BSD type's mapping does alike: read a BSD state (GraphQL shapes, so {@code FormCompany} everywhere) and
 * write the columns that have the same meaning whatever the type (companies, transporters, intermediaries, trader and
 * broker, eco-organisme), then turn a document into lines.
 */
final class LineData {
    static final int MAX_TRANSPORTERS = 5;
    static final int MAX_INTERMEDIARIES = 3;
    private static final Pattern POSTAL_CODE_AND_CITY = Pattern.compile("(?:^|[\\s,])(\\d{5})\\s+([^,\\d][^,]*)$");

    private LineData() {
    }

    /** One line per organisation (none without an organisation) of the document in {@code register}. */
    static void addLines(List<RegisterLine> out, String documentId, String bsdId, ObjectNode data, RegisterType register,
                         Instant sortAt, Collection<String> orgs) {
        for (String org : orgs) {
            if (org != null) {
                out.add(new RegisterLine(documentId, register, org, bsdId, sortAt, data));
            }
        }
    }

    /**
     * The id of a state that may give lines: {@code null} for a draft or a deleted BSD (no lines), an
     * {@link UnmappableStateException} when the state is not an object with an id.
     */
    static String publishedId(JsonNode state, String bsdType) {
        if (state == null || !state.isObject()) {
            throw new UnmappableStateException("the " + bsdType + " state is not a JSON object");
        }
        String id = text(state, "id");
        if (id == null) {
            throw new UnmappableStateException("the " + bsdType + " state has no id");
        }
        boolean hidden = state.path("isDeleted").asBoolean(false) || state.path("isDraft").asBoolean(false);
        return hidden ? null : id;
    }

    /** A weight in kilograms as the registers show it, in tonnes (six decimals). */
    static Double tonnes(Double kilograms) {
        return kilograms == null ? null : BigDecimal.valueOf(kilograms)
                .divide(BigDecimal.valueOf(1000)).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    /** The transporters in their order: {@code transporters}, else the single {@code transporter}. */
    static List<JsonNode> transportersOf(JsonNode state) {
        List<JsonNode> list = new ArrayList<>();
        state.path("transporters").forEach(list::add);
        if (list.isEmpty() && state.path("transporter").isObject()) {
            list.add(state.path("transporter"));
        }
        return list;
    }

    /** The column prefix of the transporter at this position (0: {@code transporter}, 1: {@code transporter2}, …). */
    static String transporterPrefix(int index) {
        return index == 0 ? "transporter" : "transporter" + (index + 1);
    }

    /** The columns of one transporter, as read from its state by the type's mapping. */
    static void transporter(ObjectNode data, int index, JsonNode company, String recepisseNumber, Boolean recepisseIsExempted,
                            String mode, List<String> plates) {
        String prefix = transporterPrefix(index);
        company(data, prefix + "Company", company);
        put(data, prefix + "RecepisseNumber", recepisseNumber);
        put(data, prefix + "RecepisseIsExempted", recepisseIsExempted);
        put(data, prefix + "TransportMode", mode);
        if (plates != null) {
            ArrayNode list = data.putArray(prefix + "NumberPlates");
            plates.forEach(list::add);
        }
    }

    /** A trader's or broker's columns ({@code role} is the column prefix). */
    static void party(ObjectNode data, String role, JsonNode company, String recepisseNumber) {
        put(data, role + "CompanyName", text(company, "name"));
        put(data, role + "CompanySiret", orgId(company));
        put(data, role + "CompanyMail", text(company, "mail"));
        put(data, role + "RecepisseNumber", recepisseNumber);
    }

    /** The eco-organisme's columns; returns its SIRET. */
    static String ecoOrganisme(ObjectNode data, JsonNode ecoOrganisme) {
        String siret = text(ecoOrganisme, "siret");
        put(data, "ecoOrganismeName", text(ecoOrganisme, "name"));
        put(data, "ecoOrganismeSiren", siret != null && siret.length() >= 9 ? siret.substring(0, 9) : siret);
        return siret;
    }

    /** The first intermediaries' columns; returns every intermediary's identifier. */
    static List<String> intermediaries(ObjectNode data, JsonNode intermediaries) {
        List<String> orgIds = new ArrayList<>();
        int index = 0;
        for (JsonNode intermediary : intermediaries) {
            orgIds.add(orgId(intermediary));
            if (++index <= MAX_INTERMEDIARIES) {
                put(data, "intermediary" + index + "CompanyName", text(intermediary, "name"));
                put(data, "intermediary" + index + "CompanySiret", orgId(intermediary));
            }
        }
        return orgIds;
    }

    static void company(ObjectNode data, String prefix, JsonNode company) {
        if (!company.isObject()) {
            return;
        }
        put(data, prefix + "Name", text(company, "name"));
        put(data, prefix + "Siret", orgId(company));
        put(data, prefix + "Mail", text(company, "mail"));
        address(data, prefix, company);
    }

    /** Address, postal code and city (read from the end of the one-line address) and country. */
    static void address(ObjectNode data, String prefix, JsonNode company) {
        String address = text(company, "address");
        put(data, prefix + "Address", address);
        if (address != null) {
            Matcher matcher = POSTAL_CODE_AND_CITY.matcher(address.trim());
            if (matcher.find()) {
                put(data, prefix + "PostalCode", matcher.group(1));
                put(data, prefix + "City", matcher.group(2).trim());
            }
        }
        String country = text(company, "country");
        put(data, prefix + "Country", country != null ? country : text(company, "siret") != null ? "FR" : null);
    }

    /** A company's identifier on BSDs: its SIRET, else its VAT number (foreign companies). */
    static String orgId(JsonNode company) {
        for (String field : List.of("orgId", "siret", "vatNumber", "omiNumber", "extraEuropeanId")) {
            String value = text(company, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The id of a BSD state, or {@link UnmappableStateException} when the state is not an object with an id; empty
     * when the state is a draft or a deletion, which are in no register.
     */
    static Optional<String> registeredId(JsonNode state, String type) {
        if (state == null || !state.isObject()) {
            throw new UnmappableStateException("the " + type + " state is not a JSON object");
        }
        String id = text(state, "id");
        if (id == null) {
            throw new UnmappableStateException("the " + type + " state has no id");
        }
        boolean inNoRegister = state.path("isDeleted").asBoolean(false) || state.path("isDraft").asBoolean(false);
        return inNoRegister ? Optional.empty() : Optional.of(id);
    }

    /** The non-blank plates of a transport, trimmed; null when the state has no list of plates. */
    static List<String> plates(JsonNode transport) {
        JsonNode plates = transport.path("plates");
        if (!plates.isArray()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        plates.forEach(p -> {
            if (p.isTextual() && !p.asText().isBlank()) {
                list.add(p.asText().trim());
            }
        });
        return list;
    }

    /** The pick-up site's columns (a site is in France). */
    static void pickupSite(ObjectNode data, JsonNode site) {
        if (!site.isObject()) {
            return;
        }
        for (String field : List.of("name", "address", "postalCode", "city")) {
            put(data, "emitterPickupsite" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                    text(site, field));
        }
        put(data, "emitterPickupsiteCountry", text(site, "address") == null ? null : "FR");
    }

    /**
     * The final treatments a BSD reached downstream (the {@code finalOperations} of its state, or of its containers),
     * as the outgoing lines' three parallel lists: codes, weights in tonnes, the final destinations' SIRETs. Nothing
     * when there is none.
     */
    static void finalOperations(ObjectNode data, List<JsonNode> operations, boolean inKilograms) {
        if (operations.isEmpty()) {
            return;
        }
        ArrayNode codes = data.putArray("destinationFinalOperationCodes");
        ArrayNode weights = data.putArray("destinationFinalOperationWeights");
        ArrayNode sirets = data.putArray("destinationFinalOperationCompanySirets");
        for (JsonNode o : operations) {
            String code = text(o, "operationCode");
            Double quantity = number(o, "quantity");
            Double weight = inKilograms ? tonnes(quantity) : quantity;
            codes.add(code == null ? "" : code);
            weights.add(weight == null ? 0d : weight);
            sirets.add(text(o, "destinationCompanySiret") == null ? "" : text(o, "destinationCompanySiret"));
        }
    }

    static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    static void addIfPresent(ArrayNode array, String value) {
        if (value != null) {
            array.add(value);
        }
    }

    static void put(ObjectNode data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    static void put(ObjectNode data, String field, Boolean value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    static void put(ObjectNode data, String field, Double value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    static void put(ObjectNode data, String field, Instant value) {
        if (value != null) {
            data.put(field, value.toString());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? value.booleanValue() : null;
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        throw new UnmappableStateException(field + " is not a number");
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnmappableStateException(field + " is not an ISO-8601 instant: " + value);
        }
    }
}
