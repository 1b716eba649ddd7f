package fr.wastetrace.bsd.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java source of the operations every BSD type shares: the one place where their shape is written. Placeholders
 * {@code ${…}} are replaced by {@link Values}; the parts for transporters and revisions are added when the type has
 * them. Plain string work, so that a unit test can render it without a compiler.
 */
final class OperationsTemplate {
    private OperationsTemplate() {
    }

    /** What differs between types. Java types are fully qualified. */
    static final class Values {
        String packageName;
        String name;
        String label;
        String service;
        String queries;
        String model;
        String input;
        String signatureInput;
        String connection;
        String where;
        String metadata;
        String pdfReadCheck = "";
        String createDescription;
        String signDescription;
        String deleteDescription;
        String duplicateDescription = "";
        String transporter;
        String transporterInput;
        String revisions;
        String revisionRequest;
        String revisionRequestInput;
        String revisionRequestConnection;
        String revisionRequestWhere;
        String createRevisionRequestDescription;
    }

    private static final String HEAD = """
            package ${package};

            import fr.wastetrace.bsd.core.action.AllowedActionsService;
            import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
            import fr.wastetrace.bsd.core.history.BsdVersions;
            import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
            import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
            import fr.wastetrace.bsd.core.mutation.WriteArguments;
            import fr.wastetrace.bsd.core.mutation.WriteOptions;
            import fr.wastetrace.bsd.core.mutation.Writes;
            import fr.wastetrace.bsd.core.pdf.PdfLinks;
            import fr.wastetrace.graphql.FileDownload;
            import fr.wastetrace.identity.CallerIdentity;
            import fr.wastetrace.subgraph.Callers;
            import io.quarkus.security.identity.SecurityIdentity;
            import jakarta.inject.Inject;
            import org.eclipse.microprofile.graphql.Description;
            import org.eclipse.microprofile.graphql.GraphQLApi;
            import org.eclipse.microprofile.graphql.Id;
            import org.eclipse.microprofile.graphql.Mutation;
            import org.eclipse.microprofile.graphql.Name;
            import org.eclipse.microprofile.graphql.NonNull;
            import org.eclipse.microprofile.graphql.Query;
            import org.eclipse.microprofile.graphql.Source;

            import java.util.List;
            ${imports}
            /**
             * The ${label} operations every BSD type shares, written by the bsd-operations annotation processor from the
             * {@code @BsdOperations} of this package. Change the template (libs/bsd-operations), not this file.
             */
            @GraphQLApi
            public class ${name}Operations {
                @Inject
                Writes writes;
                @Inject
                BsdVersions versions;
                @Inject
                AllowedActionsService allowedActions;
                @Inject
                SecurityIdentity identity;
                @Inject
                PdfLinks pdfLinks;
                @Inject
                ${service} service;
                @Inject
                ${queries} queries;

                private CallerIdentity caller() {
                    return Callers.require(identity);
                }

                @Query("${lower}")
                @Description("Renvoie un ${label} à partir de son identifiant.")
                public @NonNull ${model} ${lower}(@Name("id") @NonNull @Id String id) {
                    return queries.${lower}(caller(), id);
                }

                @Query("${lower}s")
                @Description("Renvoie les ${label} visibles par vos établissements, du plus récent au plus ancien "
                        + "(pagination par curseur : first/after ou last/before).")
                public @NonNull ${connection} ${lower}s(@Name("after") @Id String after, @Name("first") Integer first,
                        @Name("before") @Id String before, @Name("last") Integer last, @Name("where") ${where} where) {
                    return queries.${lower}s(caller(), after, first, before, last, where);
                }

                @Query("${lower}Pdf")
                @Description("Renvoie un lien de téléchargement du PDF d'un ${label}, valable 10 secondes.")
                public @NonNull FileDownload ${lower}Pdf(@Name("id") @NonNull @Id String id) {
                    CallerIdentity caller = caller();
                    queries.${pdfReadCheck}(caller, id);
                    return pdfLinks.link("${lower}", id, caller);
                }

                @Description(WastetraceAllowedActions.FIELD)
                public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source ${model} bsd) {
                    return allowedActions.of("${lower}", bsd.id, caller());
                }

                public @NonNull ${metadata} metadata(@Source ${model} bsd) {
                    return queries.metadata(bsd);
                }

                @Name("wastetraceVersion")
                @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
                        + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
                public int wastetraceVersion(@Source ${model} bsd) {
                    return (int) bsd.version;
                }

                @Name("wastetraceVersions")
                @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
                public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
                        @Source List<${model}> bsds) {
                    return versions.inOrder("${lower}", bsds.stream().map(b -> b.id).toList());
                }

                @Mutation("create${name}")
                @Description("${createDescription}")
                public @NonNull ${model} create${name}(@Name("input") @NonNull ${input} input,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
                    return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
                }

                @Mutation("createDraft${name}")
                @Description("Crée un ${label} en brouillon, visible des seuls établissements du créateur qui y figurent.")
                public @NonNull ${model} createDraft${name}(@Name("input") @NonNull ${input} input,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
                    return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
                }

                @Mutation("update${name}")
                @Description("Modifie un ${label} : seuls les champs fournis changent ; les champs verrouillés par une "
                        + "signature ne peuvent plus l'être.")
                public @NonNull ${model} update${name}(@Name("id") @NonNull @Id String id,
                        @Name("input") @NonNull ${input} input,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
                        @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION)
                        Integer expectedVersion) {
                    return writes.run(WriteOptions.of(dryRun, expectedVersion), id,
                            () -> service.update(caller(), id, input));
                }

                @Mutation("publish${name}")
                @Description("Publie un ${label} en brouillon.")
                public @NonNull ${model} publish${name}(@Name("id") @NonNull @Id String id,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
                        @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION)
                        Integer expectedVersion) {
                    return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
                }

                @Mutation("sign${name}")
                @Description("${signDescription}")
                public @NonNull ${model} sign${name}(@Name("id") @NonNull @Id String id,
                        @Name("input") @NonNull ${signatureInput} input,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
                        @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION)
                        Integer expectedVersion) {
                    return writes.run(WriteOptions.of(dryRun, expectedVersion), id,
                            () -> service.sign(caller(), id, input));
                }

                @Mutation("wastetraceSign${name}s")
                @Description("Appose la même signature sur plusieurs ${label} : un résultat par bordereau (signé, ou "
                        + "l'erreur qu'aurait donnée sign${name} sur ce seul bordereau) ; l'échec de l'un n'empêche pas "
                        + "les autres.")
                public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSign${name}s(
                        @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
                        @Name("input") @NonNull ${signatureInput} input,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
                    return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
                }

                @Mutation("duplicate${name}")
                @Description("${duplicateDescription}")
                public @NonNull ${model} duplicate${name}(@Name("id") @NonNull @Id String id) {
                    return service.duplicate(caller(), id);
                }

                @Mutation("delete${name}")
                @Description("${deleteDescription}")
                public @NonNull ${model} delete${name}(@Name("id") @NonNull @Id String id,
                        @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
                        @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION)
                        Integer expectedVersion) {
                    return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
                }
            """;

    private static final String TRANSPORTERS = """

                @Inject
                TransporterMutations transporters;

                @Mutation("create${name}Transporter")
                @Description("Crée un transporteur, à rattacher ensuite à un ${label} par la liste transporters.")
                public ${transporter} create${name}Transporter(@Name("input") @NonNull ${transporterInput} input) {
                    return transporters.create(${service}.TRANSPORTERS, input);
                }

                @Mutation("update${name}Transporter")
                @Description("Modifie un transporteur de ${label} qui n'a pas encore signé.")
                public ${transporter} update${name}Transporter(@Name("id") @NonNull @Id String id,
                        @Name("input") @NonNull ${transporterInput} input) {
                    return transporters.update(caller(), ${service}.TRANSPORTERS, id, input);
                }

                @Mutation("delete${name}Transporter")
                @Description("Supprime un transporteur de ${label} qui n'a pas encore signé ; renvoie son identifiant.")
                public @NonNull @Id String delete${name}Transporter(@Name("id") @NonNull @Id String id) {
                    return transporters.delete(caller(), ${service}.TRANSPORTERS, id);
                }
            """;

    private static final String REVISIONS = """

                @Inject
                ${revisions} revisions;

                @Query("${lower}RevisionRequests")
                @Description("Renvoie les demandes de révision de ${label} de l'établissement (auteur ou approbateur).")
                public @NonNull ${revisionRequestConnection} ${lower}RevisionRequests(
                        @Name("siret") @NonNull String siret, @Name("where") ${revisionRequestWhere} where,
                        @Name("after") String after, @Name("first") Integer first) {
                    return revisions.list(caller(), siret, where, after, first);
                }

                @Mutation("create${name}RevisionRequest")
                @Description("${createRevisionRequestDescription}")
                public @NonNull ${revisionRequest} create${name}RevisionRequest(
                        @Name("input") @NonNull ${revisionRequestInput} input) {
                    return revisions.create(caller(), input);
                }

                @Mutation("submit${name}RevisionRequestApproval")
                @Description("Approuve ou refuse une demande de révision de ${label}.")
                public @NonNull ${revisionRequest} submit${name}RevisionRequestApproval(
                        @Name("id") @NonNull @Id String id, @Name("isApproved") @NonNull Boolean isApproved,
                        @Name("comment") String comment) {
                    return revisions.submitApproval(caller(), id, isApproved, comment);
                }

                @Mutation("cancel${name}RevisionRequest")
                @Description("Annule une demande de révision de ${label} encore en attente (par son auteur).")
                public @NonNull Boolean cancel${name}RevisionRequest(@Name("id") @NonNull @Id String id) {
                    return revisions.cancel(caller(), id);
                }

                public ${revisionRequest} latestRevision(@Source ${metadata} metadata) {
                    return revisions.latest(metadata.${lower}Id);
                }

                public @NonNull ${model} ${lower}(@Source ${revisionRequest} request) {
                    return queries.find(request.${lower}Id).orElseThrow();
                }
            """;

    /** The Java source of {@code <name>Operations}. */
    static String render(Values v) {
        String lower = lowerFirst(v.name);
        Imports imports = new Imports(v.packageName);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("package", v.packageName);
        values.put("name", v.name);
        values.put("lower", lower);
        values.put("label", v.label);
        values.put("service", imports.use(v.service));
        values.put("queries", imports.use(v.queries));
        values.put("model", imports.use(v.model));
        values.put("input", imports.use(v.input));
        values.put("signatureInput", imports.use(v.signatureInput));
        values.put("connection", imports.use(v.connection));
        values.put("where", imports.use(v.where));
        values.put("metadata", imports.use(v.metadata));
        values.put("pdfReadCheck", v.pdfReadCheck == null || v.pdfReadCheck.isEmpty() ? lower : v.pdfReadCheck);
        values.put("createDescription", javaString(v.createDescription));
        values.put("signDescription", javaString(v.signDescription));
        values.put("deleteDescription", javaString(v.deleteDescription));
        values.put("duplicateDescription", javaString(v.duplicateDescription == null || v.duplicateDescription.isEmpty()
                ? "Crée un brouillon à partir d'un " + v.label + " existant." : v.duplicateDescription));
        StringBuilder source = new StringBuilder(HEAD);
        if (v.transporter != null) {
            imports.use("fr.wastetrace.bsd.core.signature.TransporterMutations");
            values.put("transporter", imports.use(v.transporter));
            values.put("transporterInput", imports.use(v.transporterInput));
            source.append(TRANSPORTERS);
        }
        if (v.revisions != null) {
            values.put("revisions", imports.use(v.revisions));
            values.put("revisionRequest", imports.use(v.revisionRequest));
            values.put("revisionRequestInput", imports.use(v.revisionRequestInput));
            values.put("revisionRequestConnection", imports.use(v.revisionRequestConnection));
            values.put("revisionRequestWhere", imports.use(v.revisionRequestWhere));
            values.put("createRevisionRequestDescription", javaString(v.createRevisionRequestDescription));
            source.append(REVISIONS);
        }
        source.append("}\n");
        values.put("imports", imports.lines());
        return fill(source.toString(), values);
    }

    /** The type's own classes, imported so that the source names them as a person would. */
    private static final class Imports {
        private final String packageName;
        private final java.util.TreeSet<String> names = new java.util.TreeSet<>();
        private final Map<String, String> bySimpleName = new java.util.HashMap<>();

        Imports(String packageName) {
            this.packageName = packageName;
        }

        String use(String qualified) {
            int dot = qualified.lastIndexOf('.');
            if (dot < 0) {
                return qualified;
            }
            String simple = qualified.substring(dot + 1);
            if (!bySimpleName.computeIfAbsent(simple, k -> qualified).equals(qualified)) {
                return qualified; // another class has that simple name here
            }
            if (!qualified.substring(0, dot).equals(packageName)) {
                names.add(qualified);
            }
            return simple;
        }

        String lines() {
            StringBuilder out = new StringBuilder();
            for (String name : names) {
                out.append("import ").append(name).append(";\n");
            }
            return out.isEmpty() ? "" : "\n" + out;
        }
    }

    static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 1024);
        int at = 0;
        while (true) {
            int start = template.indexOf("${", at);
            if (start < 0) {
                break;
            }
            int end = template.indexOf('}', start);
            String key = template.substring(start + 2, end);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("the template needs a value for " + key);
            }
            out.append(template, at, start).append(value);
            at = end + 1;
        }
        return out.append(template.substring(at)).toString();
    }

    /** The text as the inside of a Java string literal. */
    static String javaString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
