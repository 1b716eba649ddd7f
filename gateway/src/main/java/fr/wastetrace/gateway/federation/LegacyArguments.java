package fr.wastetrace.gateway.federation;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;

import java.util.List;
import java.util.Set;

/**
 * Argument spellings that clients use but the schema does not declare. The registry export documentation names the
 * argument of {@code wastesRegistryCsv} / {@code wastesRegistryXls} {@code registerType}, the reference schema
 * {@code registryType}: both are accepted, by renaming the first before validation.
 */
final class LegacyArguments {
    private static final Set<String> REGISTRY_FILES = Set.of("wastesRegistryCsv", "wastesRegistryXls");
    private static final String LEGACY = "registerType";
    private static final String CURRENT = "registryType";

    private LegacyArguments() {
    }

    static String normalise(String query) {
        if (query == null || !query.contains(LEGACY)) {
            return query;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return query; // validation reports it
        }
        boolean[] changed = {false};
        Node<?> result = new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                List<Argument> arguments = field.getArguments();
                boolean legacy = arguments.stream().anyMatch(a -> a.getName().equals(LEGACY));
                boolean current = arguments.stream().anyMatch(a -> a.getName().equals(CURRENT));
                if (REGISTRY_FILES.contains(field.getName()) && legacy && !current) {
                    List<Argument> renamed = arguments.stream()
                            .map(a -> a.getName().equals(LEGACY) ? a.transform(b -> b.name(CURRENT)) : a).toList();
                    changed[0] = true;
                    return TreeTransformerUtil.changeNode(context, field.transform(b -> b.arguments(renamed)));
                }
                return TraversalControl.CONTINUE;
            }
        });
        return changed[0] ? AstPrinter.printAst(result) : query;
    }
}
