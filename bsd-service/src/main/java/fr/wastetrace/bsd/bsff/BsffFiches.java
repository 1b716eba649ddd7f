package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffFicheInterventionInput;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffDetenteur;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffOperateur;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The intervention sheets ({@code bsff_fiche_intervention}): created and changed by the operator alone, then attached
 * to a BSFF of type {@code COLLECTE_PETITES_QUANTITES}, which keeps a copy of each in its document (its holders then
 * read the BSFF).
 */
@ApplicationScoped
public class BsffFiches {
    @Inject
    Jdbc jdbc;

    /** A sheet and the BSFF it is attached to (null when none). */
    public record Row(BsffFicheIntervention fiche, String bsffId) {
    }

    public BsffFicheIntervention create(CallerCompanies companies, BsffFicheInterventionInput input) {
        String operateur = orgId(company(input.operateur.company));
        if (operateur == null || !companies.can(UserPermission.BSD_CAN_CREATE, operateur)) {
            throw new ApiException.Forbidden("Seul l'opérateur (operateur.company.siret) peut créer une fiche "
                    + "d'intervention : votre établissement doit être cet opérateur.");
        }
        BsffFicheIntervention f = new BsffFicheIntervention();
        f.id = Ids.newId();
        write(f, input);
        validate(f).throwIfAny(null);
        Instant now = Instant.now();
        jdbc.update("insert into bsff_fiche_intervention (id, operateur_org_id, detenteur_org_id, bsff_id, created_at, "
                + "updated_at, data) values (?, ?, ?, null, ?, ?, cast(? as jsonb))", Arrays.asList(f.id, operateur,
                BsffDescriptor.detenteurOrgId(f), Timestamp.from(now), Timestamp.from(now), json(f)));
        return f;
    }

    /** Changes a sheet (its operator only); the BSFF holding it, if any, is then {@code onBsff}'s to update. */
    public Row update(CallerCompanies companies, String id, BsffFicheInterventionInput input) {
        Row row = find(id).orElseThrow(() -> new ApiException.BadUserInput("La fiche d'intervention \"" + id
                + "\" n'existe pas."));
        String operateur = orgId(row.fiche().operateur == null ? null : row.fiche().operateur.company);
        if (operateur == null || !companies.can(UserPermission.BSD_CAN_UPDATE, operateur)) {
            throw new ApiException.Forbidden("Seul l'opérateur de la fiche d'intervention peut la modifier.");
        }
        String next = orgId(company(input.operateur.company));
        if (next == null || !companies.can(UserPermission.BSD_CAN_UPDATE, next)) {
            throw new ApiException.Forbidden("Vous ne pouvez pas retirer votre établissement de cette fiche "
                    + "d'intervention (operateur.company.siret).");
        }
        BsffFicheIntervention f = row.fiche();
        write(f, input);
        validate(f).throwIfAny(null);
        jdbc.update("update bsff_fiche_intervention set operateur_org_id = ?, detenteur_org_id = ?, updated_at = ?, "
                + "data = cast(? as jsonb) where id = ?", Arrays.asList(next, BsffDescriptor.detenteurOrgId(f),
                Timestamp.from(Instant.now()), json(f), id));
        return new Row(f, row.bsffId());
    }

    public Optional<Row> find(String id) {
        return rows(List.of(id)).stream().findFirst();
    }

    List<Row> rows(List<String> ids) {
        return jdbc.query("select data, bsff_id from bsff_fiche_intervention where id = any(?)",
                List.of(new SqlFilter.TextArray(ids)),
                rs -> new Row(BsffLinks.read(rs.getString(1), BsffFicheIntervention.class), rs.getString(2)));
    }

    /**
     * The sheets of {@code ids}, in that order, for the BSFF {@code bsffId}: each exists, is attached to no other
     * BSFF, and the caller is its operator.
     */
    public List<BsffFicheIntervention> attach(CallerCompanies companies, List<String> ids, String bsffId) {
        Map<String, Row> found = rows(ids).stream().collect(Collectors.toMap(r -> r.fiche().id, Function.identity()));
        List<BsffFicheIntervention> list = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Row row = found.get(id);
            if (row == null) {
                throw new ApiException.BadUserInput("ficheInterventions : la fiche d'intervention \"" + id
                        + "\" n'existe pas.");
            }
            if (row.bsffId() != null && !row.bsffId().equals(bsffId)) {
                throw new ApiException.BadUserInput("ficheInterventions : la fiche d'intervention n°"
                        + row.fiche().numero + " est déjà rattachée à un autre BSFF.");
            }
            String operateur = orgId(row.fiche().operateur == null ? null : row.fiche().operateur.company);
            if (operateur == null || !companies.can(UserPermission.BSD_CAN_UPDATE, operateur)) {
                throw new ApiException.Forbidden("ficheInterventions : seul l'opérateur de la fiche d'intervention n°"
                        + row.fiche().numero + " peut la rattacher à un BSFF.");
            }
            list.add(row.fiche());
        }
        return list;
    }

    /** Records which sheets the BSFF holds now. */
    public void link(String bsffId, List<BsffFicheIntervention> fiches) {
        List<String> ids = fiches.stream().map(f -> f.id).toList();
        jdbc.update("update bsff_fiche_intervention set bsff_id = null where bsff_id = ? and id <> all(?)",
                List.of(bsffId, new SqlFilter.TextArray(ids)));
        if (!ids.isEmpty()) {
            jdbc.update("update bsff_fiche_intervention set bsff_id = ? where id = any(?)",
                    List.of(bsffId, new SqlFilter.TextArray(ids)));
        }
    }

    /** What a BSFF with sheets must hold: the collection type, and its emitter as every sheet's operator. */
    static void check(Bsff doc, Problems p) {
        if (doc.ficheInterventions.isEmpty()) {
            return;
        }
        if (doc.type != BsffType.COLLECTE_PETITES_QUANTITES) {
            p.add("ficheInterventions : seul un BSFF de type COLLECTE_PETITES_QUANTITES peut porter des fiches "
                    + "d'intervention.");
        }
        String emitter = doc.emitter == null ? null : orgId(doc.emitter.company);
        for (BsffFicheIntervention f : doc.ficheInterventions) {
            String operateur = orgId(f.operateur == null ? null : f.operateur.company);
            if (emitter != null && operateur != null && !emitter.equals(operateur)) {
                p.add("ficheInterventions : l'opérateur de la fiche d'intervention n°" + f.numero
                        + " n'est pas l'émetteur du BSFF (emitter.company.siret).");
            }
        }
    }

    private static void write(BsffFicheIntervention f, BsffFicheInterventionInput input) {
        f.numero = input.numero;
        f.weight = input.weight;
        f.postalCode = input.postalCode;
        f.detenteur = new BsffDetenteur();
        f.detenteur.isPrivateIndividual = Boolean.TRUE.equals(input.detenteur.isPrivateIndividual);
        f.detenteur.company = company(input.detenteur.company);
        f.operateur = new BsffOperateur();
        f.operateur.company = company(input.operateur.company);
    }

    private static Problems validate(BsffFicheIntervention f) {
        Problems p = new Problems();
        if (f.weight == null || f.weight <= 0) {
            p.add("weight : le poids de fluide doit être supérieur à 0.");
        }
        if (f.postalCode == null || f.postalCode.isBlank()) {
            p.add("postalCode : le code postal du lieu de l'intervention est requis.");
        }
        FormCompany d = f.detenteur.company;
        if (f.detenteur.isPrivateIndividual) {
            if (d == null || d.name == null || d.name.isBlank()) {
                p.add("detenteur.company.name : le nom du détenteur particulier est requis.");
            }
            if (d != null && d.siret != null && !d.siret.isBlank()) {
                p.add("detenteur.company.siret : un détenteur particulier n'a pas de SIRET.");
            }
        } else if (d == null || d.siret == null || d.siret.isBlank()) {
            p.add("detenteur.company.siret : le SIRET du détenteur est requis (sauf pour un particulier, "
                    + "isPrivateIndividual).");
        }
        FormCompany o = f.operateur.company;
        for (String[] field : new String[][]{{"name", "la raison sociale"}, {"siret", "le SIRET"}}) {
            String value = o == null ? "" : EventCodec.mapper().valueToTree(o).path(field[0]).asText("");
            if (value.isBlank() || "null".equals(value)) {
                p.add("operateur.company." + field[0] + " : " + field[1] + " de l'opérateur est requis.");
            }
        }
        return p;
    }

    private static FormCompany company(CompanyInput in) {
        if (in == null) {
            return null;
        }
        FormCompany c = EventCodec.mapper().convertValue(in, FormCompany.class);
        c.orgId = c.identifier();
        return c;
    }

    static String orgId(FormCompany c) {
        return c == null ? null : c.identifier();
    }

    private static String json(Object o) {
        return EventCodec.mapper().valueToTree(o).toString();
    }

    static boolean same(List<BsffFicheIntervention> a, List<BsffFicheIntervention> b) {
        return Objects.equals(a.stream().map(f -> f.id).toList(), b.stream().map(f -> f.id).toList());
    }
}
