package fr.wastetrace.bsd.workflow;

import fr.wastetrace.testing.workflow.Workflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.wastetrace.events.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the workflow files into the API documentation ({@code docs/workflows/}). */
final class WorkflowDocs {
    static final Path OUTPUT = Path.of("../docs/workflows");

    private WorkflowDocs() {
    }

    /** What each type's index says before its list of workflows. */
    private static final Map<String, String> INTRODUCTIONS = Map.of(
            "bsdd", """
                    # Parcours BSDD (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSDD : qui appelle quelle opération, avec
                    quelles variables, et ce que l'API répond.
                    """,
            "bsvhu", """
                    # Parcours BSVHU (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSVHU (véhicules hors d'usage) : qui appelle
                    quelle opération, avec quelles variables, et ce que l'API répond.
                    """,
            "bsdasri", """
                    # Parcours BSDASRI (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSDASRI (déchets d'activités de soins à
                    risques infectieux) : qui appelle quelle opération, avec quelles variables, et ce que l'API répond.
                    Les acteurs propres à ces parcours sont préfixés DASRI_ (DASRI_P clinique, DASRI_PE cabinet qui
                    autorise l'emport direct, DASRI_T transporteur, DASRI_TTR regroupement, DASRI_D incinérateur,
                    DASRI_EO éco-organisme).
                    """,
            "bspaoh", """
                    # Parcours BSPAOH (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSPAOH (pièces anatomiques d'origine
                    humaine, de l'établissement de santé au crématorium) : qui appelle quelle opération, avec quelles
                    variables, et ce que l'API répond.
                    """,
            "bsda", """
                    # Parcours BSDA (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSDA (déchets d'amiante) : qui appelle
                    quelle opération, avec quelles variables, et ce que l'API répond. Les acteurs propres à ces
                    parcours sont préfixés BSDA_ (BSDA_MO maître d'ouvrage, BSDA_W entreprise de travaux, BSDA_T et
                    BSDA_T2 transporteurs, BSDA_TTR plateforme de transit, BSDA_D installation de stockage, BSDA_DEC
                    déchèterie 2710-1).
                    """,
            "bsff", """
                    # Parcours BSFF (workflows)

                    Chaque page décrit un parcours de bout en bout de l'API BSFF (fluides frigorigènes) : qui appelle
                    quelle opération, avec quelles variables, et ce que l'API répond. Les acteurs propres à ces
                    parcours sont préfixés BSFF_ (BSFF_OP opérateur frigoriste, BSFF_DET détenteur d'équipements,
                    BSFF_T et BSFF_T2 transporteurs, BSFF_TTR centre de transit, BSFF_D régénérateur).
                    """,
            "bsds", """
                    # Recherche de bordereaux de tous types (workflows)

                    Chaque page décrit un parcours de la recherche bsds (et de bsd) : quels bordereaux chaque
                    établissement trouve, dans quel onglet, dès qu'ils changent.
                    """);
    private static final String COMMON = """

            Ces pages sont générées à partir des fichiers `bsd-service/src/test/resources/workflows/<type>/*.yaml`, qui
            sont aussi exécutés comme tests (`WorkflowQuarkusTest`) : elles décrivent donc le comportement réel du
            service.

            Les acteurs (entreprises et utilisateurs) sont définis dans `workflows/actors.yaml`, commun à tous les
            types : P (producteur), T1 (transporteur), D (installation de traitement), EO (éco-organisme),
            I (intermédiaire), X (entreprise sans lien avec les bordereaux), VHU (centre VHU agréé), BR (broyeur)…
            `{{P.siret}}` désigne le SIRET de P, `{{now}}` l'instant de l'exécution, `{{id}}` une valeur retenue
            d'une étape précédente.

            """;

    /** Writes one page per workflow into {@code docs/workflows/<type>/}, an index per type and one for all. */
    static List<Path> renderAll() {
        try {
            List<Path> pages = new java.util.ArrayList<>();
            StringBuilder top = new StringBuilder("# Parcours documentés (workflows)\n\n");
            for (String type : WorkflowActors.TYPES) {
                Path folder = OUTPUT.resolve(type);
                Files.createDirectories(folder);
                StringBuilder index = new StringBuilder(INTRODUCTIONS.get(type)).append(COMMON);
                for (Workflow w : Workflow.all(WorkflowActors.DIRECTORY.resolve(type))) {
                    Path page = folder.resolve(w.file().replace(".yaml", ".md"));
                    write(page, render(type, w));
                    index.append("- [").append(w.id()).append(" — ").append(w.title()).append("](")
                            .append(page.getFileName()).append(")\n");
                    pages.add(page);
                }
                write(folder.resolve("README.md"), index.toString());
                top.append("- [").append(type.toUpperCase()).append("](").append(type).append("/README.md)\n");
            }
            write(OUTPUT.resolve("README.md"), top.toString());
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String type, Workflow w) {
        StringBuilder md = new StringBuilder("# ").append(w.id()).append(" — ").append(w.title()).append("\n\n");
        md.append(w.description().trim()).append("\n\n");
        md.append("*Page générée depuis `bsd-service/src/test/resources/workflows/").append(type).append("/")
                .append(w.file())
                .append("` ; ce parcours est exécuté comme test.*\n\n");
        if (!w.fixtures().isMissingNode() && !w.fixtures().isEmpty()) {
            md.append("## Données réutilisées\n\n");
            w.fixtures().fields().forEachRemaining(f -> md.append("`").append(f.getKey()).append("` :\n\n```json\n")
                    .append(json(f.getValue())).append("\n```\n\n"));
        }
        md.append("## Étapes\n\n| # | Appelant | Étape | Résultat attendu |\n|---|---|---|---|\n");
        int n = 0;
        for (Workflow.Step s : w.steps()) {
            n++;
            md.append("| ").append(n).append(" | ").append(s.caller()).append(" | ").append(cell(s.description()))
                    .append(" | ").append(cell(expected(s.expect()))).append(" |\n");
        }
        md.append("\n");
        n = 0;
        for (Workflow.Step s : w.steps()) {
            n++;
            md.append("### ").append(n).append(". ").append(s.description()).append("\n\n");
            md.append("Appelant : **").append(s.caller()).append("**").append(s.until()
                    ? " (répété jusqu'à obtenir le résultat attendu)" : "").append("\n\n");
            md.append("```graphql\n").append(s.operation().trim()).append("\n```\n\n");
            if (!s.variables().isMissingNode() && !s.variables().isEmpty()) {
                md.append("Variables :\n\n```json\n").append(json(s.variables())).append("\n```\n\n");
            }
            md.append("Attendu : ").append(expected(s.expect())).append("\n\n");
        }
        return md.toString();
    }

    private static String expected(Map<String, JsonNode> expect) {
        StringBuilder out = new StringBuilder();
        expect.forEach((path, value) -> {
            if (!out.isEmpty()) {
                out.append(" ; ");
            }
            String v = value.isTextual() ? value.asText() : value.toString();
            if (v.startsWith("!~")) {
                out.append("`").append(path).append("` ne contient pas `").append(v.substring(2)).append("`");
            } else if (v.startsWith("~")) {
                out.append("`").append(path).append("` contient `").append(v.substring(1)).append("`");
            } else if ("*".equals(v)) {
                out.append("`").append(path).append("` renseigné");
            } else {
                out.append("`").append(path).append("` = `").append(v).append("`");
            }
        });
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String json(JsonNode node) {
        try {
            return EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
