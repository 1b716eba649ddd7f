package fr.wastetrace.company.companies;

import fr.wastetrace.company.directory.AnonymousCompanies;
import fr.wastetrace.company.directory.Directory;
import fr.wastetrace.company.directory.DirectoryEntry;
import fr.wastetrace.company.members.CompanyMember;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.members.Memberships;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.subgraph.ApiException;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@GraphQLApi
public class CompanyApi {
    private static final int MAX_PAGE = 50;
    private static final int MAX_SEARCH_RESULTS = 20;

    @Inject
    Users users;
    @Inject
    Companies companies;
    @Inject
    CompanyProfiles profiles;
    @Inject
    Memberships memberships;
    @Inject
    Directory directory;
    @Inject
    AnonymousCompanies anonymousCompanies;

    @Query("companyInfos")
    @Description("Profil public d'un établissement, par SIRET ou numéro de TVA intracommunautaire : données du "
            + "répertoire SIRENE, complétées par son profil s'il est inscrit (isRegistered). Public.")
    @Transactional
    public @NonNull CompanyPublic companyInfos(@Name("siret") String siret, @Name("clue") String clue) {
        String orgId = siret != null && !siret.isBlank() ? siret : clue;
        if (orgId == null || orgId.isBlank()) {
            throw new ApiException.BadUserInput("Paramètre absent : un numéro SIRET ou de TVA intracommunautaire est requis.");
        }
        CompanyPublic company = publicInfos(orgId);
        if ("F".equals(company.etatAdministratif)) {
            throw new ApiException.BadUserInput("Cet établissement est fermé selon le répertoire SIRENE.");
        }
        return company;
    }

    @Query("searchCompanies")
    @Description("Recherche d'établissements par nom, SIRET, numéro de TVA ou liste de SIRET/TVA séparés par des "
            + "virgules ; un nom cherche dans le répertoire SIRENE (établissements français) et parmi les inscrits. "
            + "allowClosedCompanies vaut true par défaut.")
    @Transactional
    public @NonNull List<@NonNull CompanySearchResult> searchCompanies(@NonNull @Name("clue") String clue,
                                                                     @Name("department") String department,
                                                                     @Name("allowForeignCompanies") Boolean allowForeignCompanies,
                                                                     @Name("allowClosedCompanies") Boolean allowClosedCompanies) {
        users.current();
        String trimmed = clue.trim();
        if (trimmed.length() < 3) {
            throw new ApiException.BadUserInput("Saisissez au moins 3 caractères pour rechercher un établissement.");
        }
        boolean closedAllowed = !Boolean.FALSE.equals(allowClosedCompanies);
        List<String> identifiers = List.of(trimmed.split("\\s*,\\s*"));
        if (identifiers.stream().allMatch(CompanyApi::isIdentifier)) {
            List<CompanySearchResult> results = new ArrayList<>();
            for (String identifier : identifiers) {
                String vat = VatNumber.clean(identifier);
                boolean foreign = VatNumber.looksLikeVat(vat) && !VatNumber.isFrench(vat);
                if (foreign && !Boolean.TRUE.equals(allowForeignCompanies)) {
                    continue;
                }
                try {
                    CompanyPublic found = publicInfos(identifier);
                    if (closedAllowed || !"F".equals(found.etatAdministratif)) {
                        results.add(searchResult(found));
                    }
                } catch (ApiException.BadUserInput unknown) {
                    // an identifier that names nothing is simply not a hit
                }
            }
            return results;
        }
        return searchByName(trimmed, department == null || department.isBlank() ? null : department.trim(), closedAllowed);
    }

    @Query("myCompanies")
    @Description("Les établissements dont vous êtes membre, par ordre alphabétique, paginés (50 au plus par page).")
    @Transactional
    public @NonNull CompanyPrivateConnection myCompanies(@Name("first") Integer first, @Name("after") @Id String after,
                                                         @Name("last") Integer last, @Name("before") @Id String before,
                                                         @Name("search") String search) {
        UserAccountEntity caller = users.current();
        List<CompanyPrivate> all = users.memberships(caller).stream()
                .map(m -> CompanyViews.toPrivate(m.company, m))
                .filter(c -> matches(c, search))
                .sorted(Comparator.comparing((CompanyPrivate c) -> c.name == null ? "" : c.name.toLowerCase(Locale.ROOT))
                        .thenComparing(c -> c.id))
                .toList();
        return page(all, first, after, last, before);
    }

    @Mutation("createCompany")
    @Description("Inscrit un établissement (SIRET, ou numéro de TVA pour un transporteur étranger) et vous en fait "
            + "administrateur. Renvoie l'établissement avec son code de signature (securityCode).")
    @Transactional
    public @NonNull CompanyPrivate createCompany(@NonNull @Name("companyInput") PrivateCompanyInput input) {
        UserAccountEntity caller = users.current();
        CompanyProfiles.ProfileFields fields = new CompanyProfiles.ProfileFields(input.gerepId, input.givenName,
                input.contact, input.contactEmail, input.contactPhone, input.website, input.companyTypes,
                input.collectorTypes, input.wasteProcessorTypes, input.wasteVehiclesTypes, input.transporterReceiptId,
                input.traderReceiptId, input.brokerReceiptId, input.vhuAgrementDemolisseurId,
                input.vhuAgrementBroyeurId, input.workerCertificationId, input.ecoOrganismeAgreements,
                input.ecoOrganismePartnersIds, input.allowBsdasriTakeOverWithoutSignature,
                input.allowAppendix1SignatureAutomation);
        CompanyEntity company = profiles.create(caller, input.siret, input.vatNumber, input.companyName, input.address,
                input.codeNaf, fields);
        return CompanyViews.toPrivate(company, MembershipEntity.lookup(caller.id, company.id).orElseThrow());
    }

    @Mutation("updateCompany")
    @Description("Modifie le profil d'un établissement (administrateurs). Un argument absent ou null laisse la valeur "
            + "inchangée ; une chaîne vide efface un texte ou détache un récépissé.")
    @Transactional
    public @NonNull CompanyPrivate updateCompany(@NonNull @Name("id") String id,
                                                 @Name("gerepId") String gerepId,
                                                 @Name("contact") String contact,
                                                 @Name("contactEmail") String contactEmail,
                                                 @Name("contactPhone") String contactPhone,
                                                 @Name("website") String website,
                                                 @Nullable @Name("companyTypes") List<@NonNull CompanyType> companyTypes,
                                                 @Nullable @Name("collectorTypes") List<@NonNull CollectorType> collectorTypes,
                                                 @Nullable @Name("wasteProcessorTypes") List<@NonNull WasteProcessorType> wasteProcessorTypes,
                                                 @Nullable @Name("wasteVehiclesTypes") List<@NonNull WasteVehiclesType> wasteVehiclesTypes,
                                                 @Name("givenName") String givenName,
                                                 @Name("transporterReceiptId") String transporterReceiptId,
                                                 @Name("traderReceiptId") String traderReceiptId,
                                                 @Name("brokerReceiptId") String brokerReceiptId,
                                                 @Name("vhuAgrementDemolisseurId") String vhuAgrementDemolisseurId,
                                                 @Name("vhuAgrementBroyeurId") String vhuAgrementBroyeurId,
                                                 @Name("workerCertificationId") String workerCertificationId,
                                                 @Nullable @Name("ecoOrganismeAgreements") List<@NonNull Url> ecoOrganismeAgreements,
                                                 @Name("allowBsdasriTakeOverWithoutSignature") Boolean allowBsdasriTakeOverWithoutSignature,
                                                 @Name("allowAppendix1SignatureAutomation") Boolean allowAppendix1SignatureAutomation,
                                                 @Nullable @Name("ecoOrganismePartnersIds") List<@NonNull String> ecoOrganismePartnersIds) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lock(id);
        MembershipEntity membership = companies.require(caller, company, UserPermission.COMPANY_CAN_UPDATE, "modifier son profil");
        profiles.update(company, new CompanyProfiles.ProfileFields(gerepId, givenName, contact, contactEmail,
                contactPhone, website, companyTypes, collectorTypes, wasteProcessorTypes, wasteVehiclesTypes,
                transporterReceiptId, traderReceiptId, brokerReceiptId, vhuAgrementDemolisseurId, vhuAgrementBroyeurId,
                workerCertificationId, ecoOrganismeAgreements, ecoOrganismePartnersIds,
                allowBsdasriTakeOverWithoutSignature, allowAppendix1SignatureAutomation));
        return CompanyViews.toPrivate(company, membership);
    }

    @Mutation("renewSecurityCode")
    @Description("Remplace le code de signature de l'établissement par un nouveau code (administrateurs).")
    @Transactional
    public @NonNull CompanyPrivate renewSecurityCode(@NonNull @Name("siret") String siret) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lockByOrgId(siret);
        MembershipEntity membership = companies.require(caller, company, UserPermission.COMPANY_CAN_RENEW_SECURITY_CODE,
                "renouveler son code de signature");
        profiles.renewSecurityCode(company);
        return CompanyViews.toPrivate(company, membership);
    }

    @Mutation("enableRegistryDndFromBsd")
    @Description("Fait alimenter, à partir de maintenant et sans retour, le registre de l'établissement par ses "
            + "bordereaux de déchets non dangereux (administrateurs).")
    @Transactional
    public @NonNull CompanyPrivate enableRegistryDndFromBsd(@NonNull @Name("id") String id) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lock(id);
        MembershipEntity membership = companies.require(caller, company, UserPermission.COMPANY_CAN_UPDATE,
                "modifier l'alimentation de son registre");
        profiles.enableRegistryDndFromBsd(company);
        return CompanyViews.toPrivate(company, membership);
    }

    @Description("Les membres de l'établissement et les invitations en attente ; un non-administrateur ne voit que "
            + "lui-même.")
    @Transactional
    @Nullable
    public List<@NonNull CompanyMember> users(@Source CompanyPrivate company) {
        CompanyEntity entity = CompanyEntity.findById(company.id);
        List<CompanyMember> members = memberships.members(entity, company.callerUserId);
        if (company.userRole == UserRole.ADMIN) {
            return members;
        }
        return members.stream().filter(m -> Boolean.TRUE.equals(m.isMe)).toList();
    }

    CompanyPublic publicInfos(String identifier) {
        String siret = Siret.clean(identifier);
        if (Siret.looksLikeSiret(siret)) {
            if (!Siret.isValid(siret)) {
                throw new ApiException.BadUserInput("Le SIRET « " + identifier + " » n'est pas valide : sa clé de "
                        + "contrôle est fausse.");
            }
            CompanyEntity company = CompanyEntity.findByOrgId(siret).orElse(null);
            DirectoryEntry entry = directory.find(siret).orElse(null);
            if (entry == null || (!entry.isPublic() && !entry.isClosed())) {
                // An establishment the official directory does not show, made known by a verified notice.
                entry = anonymousCompanies.find(siret).orElse(entry);
            }
            if (company == null && entry == null) {
                throw new ApiException.BadUserInput("Aucun établissement trouvé avec le SIRET " + siret + ".");
            }
            return CompanyViews.toPublic(siret, company, entry);
        }
        String vat = VatNumber.clean(identifier);
        if (!VatNumber.looksLikeVat(vat) || !VatNumber.isValid(vat)) {
            throw new ApiException.BadUserInput("« " + identifier + " » n'est ni un SIRET (14 chiffres) ni un numéro "
                    + "de TVA intracommunautaire valide.");
        }
        CompanyEntity company = CompanyEntity.<CompanyEntity>find("vatNumber", vat).firstResultOptional().orElseThrow(() ->
                new ApiException.BadUserInput("Aucun établissement inscrit n'a le numéro de TVA " + vat + "."));
        return CompanyViews.toPublic(company.orgId, company, company.siret == null ? null
                : directory.find(company.siret).orElse(null));
    }

    private List<CompanySearchResult> searchByName(String clue, String department, boolean allowClosed) {
        Map<String, CompanySearchResult> results = new LinkedHashMap<>();
        for (DirectoryEntry entry : directory.searchByName(clue, department, allowClosed, MAX_SEARCH_RESULTS)) {
            CompanyEntity company = CompanyEntity.findByOrgId(entry.siret()).orElse(null);
            CompanyPublic view = CompanyViews.toPublic(entry.siret(), company, entry);
            results.put(entry.siret(), new CompanySearchResult(view, company == null ? null : company.id, entry.addressParts()));
        }
        String pattern = "%" + clue.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        List<CompanyEntity> registered = CompanyEntity.find("lower(name) like ?1 or lower(givenName) like ?1 order by name", pattern)
                .page(0, MAX_SEARCH_RESULTS).list();
        for (CompanyEntity company : registered) {
            if (results.size() >= MAX_SEARCH_RESULTS || results.containsKey(company.orgId)) {
                continue;
            }
            DirectoryEntry entry = company.siret == null ? null : directory.find(company.siret).orElse(null);
            if (company.siret == null || (department != null && (entry == null || entry.addressParts().postalCode() == null
                    || !entry.addressParts().postalCode().startsWith(department)))
                    || (!allowClosed && entry != null && entry.isClosed())) {
                continue;
            }
            results.put(company.orgId, new CompanySearchResult(CompanyViews.toPublic(company.orgId, company, entry),
                    company.id, entry == null ? null : entry.addressParts()));
        }
        return new ArrayList<>(results.values());
    }

    private static CompanySearchResult searchResult(CompanyPublic view) {
        CompanyEntity company = CompanyEntity.findByOrgId(view.orgId).orElse(null);
        return new CompanySearchResult(view, company == null ? null : company.id, null);
    }

    private static boolean isIdentifier(String value) {
        return Siret.looksLikeSiret(Siret.clean(value)) || VatNumber.looksLikeVat(VatNumber.clean(value));
    }

    private static boolean matches(CompanyPrivate company, String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.trim().toLowerCase(Locale.ROOT);
        return contains(company.name, needle) || contains(company.givenName, needle) || contains(company.orgId, needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static CompanyPrivateConnection page(List<CompanyPrivate> all, Integer first, String after, Integer last,
                                                 String before) {
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw new ApiException.BadUserInput("Les paramètres first et last doivent être positifs.");
        }
        int from = 0;
        int to = all.size();
        if (after != null) {
            from = indexOf(all, after) + 1;
        }
        if (before != null) {
            to = indexOf(all, before);
        }
        if (to < from) {
            to = from;
        }
        if (last != null && first == null) {
            from = Math.max(from, to - Math.min(last, MAX_PAGE));
        } else {
            to = Math.min(to, from + Math.min(first == null ? MAX_PAGE : first, MAX_PAGE));
        }
        List<CompanyPrivate> slice = all.subList(from, to);
        CompanyPrivateConnection connection = new CompanyPrivateConnection();
        connection.totalCount = all.size();
        connection.edges = slice.stream().map(CompanyPrivateConnection.Edge::new).toList();
        connection.pageInfo = new PageInfo();
        connection.pageInfo.startCursor = slice.isEmpty() ? null : slice.get(0).id;
        connection.pageInfo.endCursor = slice.isEmpty() ? null : slice.get(slice.size() - 1).id;
        connection.pageInfo.hasPreviousPage = from > 0;
        connection.pageInfo.hasNextPage = to < all.size();
        return connection;
    }

    private static int indexOf(List<CompanyPrivate> all, String cursor) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id.equals(cursor)) {
                return i;
            }
        }
        throw new ApiException.BadUserInput("Le curseur « " + cursor + " » ne désigne aucun de vos établissements.");
    }
}
