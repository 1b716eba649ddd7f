package fr.wastetrace.company.reference;

import fr.wastetrace.company.companies.CompanyType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The company profiles and their sub-profiles, read once from {@code data/company-profiles.tsv}: which profile each
 * sub-profile belongs to (company validation reads it) and their labels (served by {@code wastetraceCompanyProfiles}).
 */
public final class CompanyProfileData {

    /** A sub-profile: the GraphQL enum it is a value of (e.g. {@code CollectorType}), the value, its label. */
    public record SubProfile(String kind, String value, String label) {
    }

    /** A company profile, its label and its sub-profiles in the file's order. */
    public record Profile(CompanyType companyType, String label, List<SubProfile> subProfiles) {
    }

    private static final List<Profile> PROFILES;
    private static final Map<String, CompanyType> PROFILE_OF_KIND;

    static {
        Map<CompanyType, String> labels = new EnumMap<>(CompanyType.class);
        Map<CompanyType, List<SubProfile>> subProfiles = new EnumMap<>(CompanyType.class);
        Map<String, CompanyType> profileOfKind = new HashMap<>();
        for (String[] c : rows()) {
            CompanyType type = CompanyType.valueOf(c[0]);
            if ("-".equals(c[1])) {
                labels.put(type, c[3]);
                continue;
            }
            CompanyType previous = profileOfKind.putIfAbsent(c[1], type);
            if (previous != null && previous != type) {
                throw new IllegalStateException("company-profiles.tsv: " + c[1] + " belongs to " + previous
                        + " and " + type);
            }
            subProfiles.computeIfAbsent(type, t -> new ArrayList<>()).add(new SubProfile(c[1], c[2], c[3]));
        }
        List<Profile> profiles = new ArrayList<>();
        labels.forEach((type, label) -> profiles.add(new Profile(type, label,
                List.copyOf(subProfiles.getOrDefault(type, List.of())))));
        PROFILES = List.copyOf(profiles);
        PROFILE_OF_KIND = Collections.unmodifiableMap(profileOfKind);
    }

    private CompanyProfileData() {
    }

    /** Every profile, in the order of the {@link CompanyType} enum. */
    public static List<Profile> profiles() {
        return PROFILES;
    }

    /** The profile a company needs to have sub-profiles of {@code kind} (e.g. COLLECTOR for CollectorType). */
    public static CompanyType profileOf(Class<? extends Enum<?>> kind) {
        CompanyType type = PROFILE_OF_KIND.get(kind.getSimpleName());
        if (type == null) {
            throw new IllegalStateException("company-profiles.tsv has no sub-profile of " + kind.getSimpleName());
        }
        return type;
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CompanyProfileData.class.getResourceAsStream("/data/company-profiles.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing reference data /data/company-profiles.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
