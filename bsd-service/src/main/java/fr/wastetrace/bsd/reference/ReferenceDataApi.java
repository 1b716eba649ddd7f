package fr.wastetrace.bsd.reference;

import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.subgraph.ApiException;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference lists validation checks BSDs against, by query ({@code wastetrace*}, issue #25 item 7). Public:
 * reference data need no login (the gateway rate-limits anonymous callers by address). The answers are built once
 * from {@link ReferenceData} and kept in memory.
 */
@GraphQLApi
public class ReferenceDataApi {
    static final int MAX_SEARCH_LENGTH = 200;

    /** What a search looks into, by code: the code without spaces and the label folded by {@link #folded}. */
    private record Searched(String compactCode, String foldedLabel) {
    }

    private static final List<WastetraceWasteCode> ALL_WASTE_CODES = ReferenceData.wasteCodes(null).stream()
            .map(WastetraceWasteCode::of).toList();
    private static final Map<BsdType, List<WastetraceWasteCode>> WASTE_CODES = byType(type ->
            ReferenceData.wasteCodes(type).stream().map(WastetraceWasteCode::of).toList());
    private static final Map<BsdType, List<WastetraceOperationCode>> OPERATION_CODES = byType(type ->
            ReferenceData.operationCodes(type).stream().map(WastetraceOperationCode::of).toList());
    private static final Map<BsdType, List<WastetracePackagingType>> PACKAGING_TYPES = byType(type ->
            ReferenceData.packagingTypes(type).stream().map(WastetracePackagingType::of).toList());
    private static final Map<String, Searched> SEARCHED = ALL_WASTE_CODES.stream().collect(Collectors.toUnmodifiableMap(
            w -> w.code(), w -> new Searched(w.code().replace(" ", ""), folded(w.label()))));
    private static final List<WastetraceAdrClass> ADR_CLASSES = ReferenceData.adrClasses().stream()
            .map(WastetraceAdrClass::of).toList();

    @Query("wastetraceWasteCodes")
    @Description("Les codes déchets de la liste européenne, dans l'ordre des codes : ceux qu'accepte le type de "
            + "bordereau bsdType (tous sans bsdType), dont le code ou le libellé contient search (sans tenir compte "
            + "des espaces du code, de la casse ni des accents). Public.")
    public @NonNull List<@NonNull WastetraceWasteCode> wastetraceWasteCodes(@Name("bsdType") BsdType bsdType,
                                                                            @Name("search") String search) {
        List<WastetraceWasteCode> codes = bsdType == null ? ALL_WASTE_CODES : WASTE_CODES.get(bsdType);
        if (search == null || search.isBlank()) {
            return codes;
        }
        if (search.length() > MAX_SEARCH_LENGTH) {
            throw new ApiException.BadUserInput("search : la recherche ne peut pas dépasser " + MAX_SEARCH_LENGTH
                    + " caractères.");
        }
        String text = folded(search.trim());
        String compact = text.replace(" ", "");
        return codes.stream().filter(w -> {
            Searched searched = SEARCHED.get(w.code());
            return searched.compactCode().contains(compact) || searched.foldedLabel().contains(text);
        }).toList();
    }

    @Query("wastetraceOperationCodes")
    @Description("Les codes d'opération de traitement qu'accepte le type de bordereau bsdType, écrits comme il les "
            + "attend, avec leurs modes de traitement et s'ils sont finaux ; les R avant les D, par numéro. Sans "
            + "bsdType : la liste complète, celle du BSDD. Public.")
    public @NonNull List<@NonNull WastetraceOperationCode> wastetraceOperationCodes(@Name("bsdType") BsdType bsdType) {
        return OPERATION_CODES.get(bsdType == null ? BsdType.BSDD : bsdType);
    }

    @Query("wastetracePackagingTypes")
    @Description("Les types de conditionnement du type de bordereau bsdType (les valeurs de son énumération), avec "
            + "leur libellé. Public.")
    public @NonNull List<@NonNull WastetracePackagingType> wastetracePackagingTypes(
            @NonNull @Name("bsdType") BsdType bsdType) {
        return PACKAGING_TYPES.get(bsdType);
    }

    @Query("wastetraceAdrClasses")
    @Description("Les classes de marchandises dangereuses de l'ADR (1 à 9), avec les divisions des classes 1 et 2, "
            + "dans l'ordre. Données de référence : aucune validation ne les lit. Public.")
    public @NonNull List<@NonNull WastetraceAdrClass> wastetraceAdrClasses() {
        return ADR_CLASSES;
    }

    /** Lower case, without accents. */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static <T> Map<BsdType, List<T>> byType(Function<BsdType, List<T>> list) {
        Map<BsdType, List<T>> map = new EnumMap<>(BsdType.class);
        for (BsdType type : BsdType.values()) {
            map.put(type, list.apply(type));
        }
        return map;
    }
}
