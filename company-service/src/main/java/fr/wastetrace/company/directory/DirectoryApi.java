package fr.wastetrace.company.directory;

import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.companies.Siret;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.subgraph.ApiException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@GraphQLApi
public class DirectoryApi {
    /** A notice says how things stood on its date: older ones are refused. */
    static final int NOTICE_MAX_AGE_MONTHS = 3;
    static final int MAX_REQUESTS_LISTED = 500;
    private static final String UNREADABLE = "Le fichier n'est pas lisible ou n'est pas un avis de situation au "
            + "répertoire Sirene délivré par l'INSEE : téléchargez-le à nouveau sur avis-situation-sirene.insee.fr.";

    @Inject
    Users users;
    @Inject
    Directory directory;
    @Inject
    AnonymousCompanies anonymousCompanies;
    @Inject
    NoticeRateLimit rateLimit;

    @Mutation("createAnonymousCompanyFromPDF")
    @Description("Demande à faire connaître un établissement non diffusible du répertoire SIRENE à partir de son avis de "
            + "situation (PDF de l'INSEE de moins de trois mois, encodé en base64). La demande est acceptée quand le "
            + "répertoire SIRENE officiel confirme l'avis (même nom, même activité, même code postal), sinon elle attend "
            + "la vérification d'un administrateur de la plateforme ; une fois acceptée, le nom, l'adresse et l'activité "
            + "de l'établissement sont visibles (companyInfos) et il peut être inscrit (createCompany). Les données du "
            + "répertoire officiel ne sont jamais modifiées. Au plus 10 avis par utilisateur et par 24 heures.")
    @Transactional
    public Boolean createAnonymousCompanyFromPDF(@NonNull @Name("input") CreateAnonymousCompanyFromPDFInput input) {
        UserAccountEntity user = users.current();
        rateLimit.acquire(user.subject);
        String siret = Siret.clean(input.siret);
        if (!Siret.isValid(siret)) {
            throw new ApiException.BadUserInput("Le SIRET « " + input.siret + " » n'est pas valide.");
        }
        if (CompanyEntity.findByOrgId(siret).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est déjà inscrit : ses informations "
                    + "viennent de son profil.");
        }
        DirectoryEntry official = directory.find(siret).orElse(null);
        if (official != null && official.isPublic()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est diffusible : ses informations viennent "
                    + "du répertoire SIRENE, un avis de situation n'y change rien ; inscrivez-le directement (createCompany).");
        }
        if (official != null && official.isClosed()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est fermé selon le répertoire SIRENE.");
        }
        if (anonymousCompanies.find(siret).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est déjà connu par un avis de situation "
                    + "vérifié : inscrivez-le (createCompany).");
        }
        if (anonymousCompanies.hasPending(siret, user.id)) {
            throw new ApiException.BadUserInput("Vous avez déjà une demande en attente pour l'établissement " + siret
                    + " : un administrateur de la plateforme va la vérifier.");
        }
        SireneNotice.Data notice;
        try {
            notice = SireneNotice.read(Base64.getMimeDecoder().decode(input.pdf));
        } catch (IllegalArgumentException | SireneNotice.InvalidNotice e) {
            throw new ApiException.BadUserInput(UNREADABLE);
        }
        if (!notice.siret().equals(siret)) {
            throw new ApiException.BadUserInput("L'avis de situation concerne le SIRET " + notice.siret() + ", pas "
                    + siret + ".");
        }
        if (notice.closed()) {
            throw new ApiException.BadUserInput("Cet établissement est fermé selon son avis de situation.");
        }
        if (notice.issuedOn().isBefore(LocalDate.now().minusMonths(NOTICE_MAX_AGE_MONTHS))) {
            throw new ApiException.BadUserInput("L'avis de situation date de plus de trois mois : téléchargez-en un "
                    + "récent.");
        }
        anonymousCompanies.file(notice, user.id, confirms(official, notice));
        return true;
    }

    @Query("wastetraceAnonymousCompanyRequests")
    @Description("Extension wastetrace, réservée aux administrateurs de la plateforme : les avis de situation déposés "
            + "(createAnonymousCompanyFromPDF) dans un état, les plus anciens d'abord (500 au plus).")
    @Transactional
    public @NonNull List<@NonNull AnonymousCompanyRequest> wastetraceAnonymousCompanyRequests(
            @Name("status") @DefaultValue("PENDING") AnonymousCompanyRequestStatus status,
            @Name("first") @DefaultValue("50") Integer first) {
        requireAdmin();
        if (first == null || first < 1 || first > MAX_REQUESTS_LISTED) {
            throw new ApiException.BadUserInput("first doit être compris entre 1 et " + MAX_REQUESTS_LISTED + ".");
        }
        return anonymousCompanies.list(status == null ? AnonymousCompanyRequestStatus.PENDING : status, first);
    }

    @Mutation("wastetraceAcceptAnonymousCompanyRequest")
    @Description("Extension wastetrace, réservée aux administrateurs de la plateforme : accepte un avis de situation en "
            + "attente, après l'avoir vérifié ; l'établissement devient visible (companyInfos) et peut être inscrit.")
    @Transactional
    public @NonNull AnonymousCompanyRequest wastetraceAcceptAnonymousCompanyRequest(@NonNull @Id @Name("id") String id) {
        return decide(id, true, null);
    }

    @Mutation("wastetraceRejectAnonymousCompanyRequest")
    @Description("Extension wastetrace, réservée aux administrateurs de la plateforme : refuse un avis de situation en "
            + "attente, avec un motif facultatif.")
    @Transactional
    public @NonNull AnonymousCompanyRequest wastetraceRejectAnonymousCompanyRequest(@NonNull @Id @Name("id") String id,
                                                                                @Name("reason") String reason) {
        return decide(id, false, reason);
    }

    private AnonymousCompanyRequest decide(String id, boolean accept, String reason) {
        UserAccountEntity admin = requireAdmin();
        AnonymousCompanyRequest request = anonymousCompanies.get(id).orElseThrow(() ->
                new ApiException.BadUserInput("Aucune demande n'a l'identifiant « " + id + " »."));
        if (request.status != AnonymousCompanyRequestStatus.PENDING) {
            throw new ApiException.BadUserInput("La demande « " + id + " » n'est plus en attente : elle est "
                    + (request.status == AnonymousCompanyRequestStatus.ACCEPTED ? "acceptée" : "refusée") + ".");
        }
        if (accept && CompanyEntity.findByOrgId(request.siret).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + request.siret + " est déjà inscrit : ses "
                    + "informations viennent de son profil ; refusez la demande.");
        }
        if (accept && directory.find(request.siret).filter(DirectoryEntry::isPublic).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + request.siret + " est diffusible dans le répertoire "
                    + "SIRENE, qui fait foi : refusez la demande.");
        }
        anonymousCompanies.decide(id, accept, admin.id, reason == null || reason.isBlank() ? null : reason.trim());
        return anonymousCompanies.get(id).orElseThrow();
    }

    private UserAccountEntity requireAdmin() {
        UserAccountEntity user = users.current();
        if (!user.isAdmin) {
            throw new ApiException.Forbidden("Seuls les administrateurs de la plateforme peuvent vérifier les avis de "
                    + "situation.");
        }
        return user;
    }

    /**
     * Whether the official directory confirms the notice: it knows the establishment by name (not masked), and the
     * name, the activity code and the postal code agree. Anything less waits for an administrator.
     */
    static boolean confirms(DirectoryEntry official, SireneNotice.Data notice) {
        if (official == null || official.name() == null || official.name().isBlank() || official.name().contains("[ND]")
                || official.naf() == null || official.addressParts() == null
                || official.addressParts().postalCode() == null) {
            return false;
        }
        return normalized(official.name()).equals(normalized(notice.name()))
                && official.naf().replace(".", "").equalsIgnoreCase(notice.naf().replace(".", ""))
                && notice.address().matches(".*\\b" + Pattern.quote(official.addressParts().postalCode())
                + "\\b.*");
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", " ").trim();
    }
}
