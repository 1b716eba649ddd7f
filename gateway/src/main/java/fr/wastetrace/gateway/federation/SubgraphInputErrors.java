package fr.wastetrace.gateway.federation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subgraph's refusal of the values a request carries: its own input coercion failed (a custom scalar the gateway
 * lets through, a date the subgraph reads more strictly than the gateway). Such refusals carry no contract code, but
 * they are the client's mistake, not the server's: the client gets {@code BAD_USER_INPUT} (a variable, an argument
 * value) or {@code GRAPHQL_VALIDATION_FAILED} (a value written in the document), with a French message naming the
 * variable or the argument.
 */
final class SubgraphInputErrors {
    /** graphql-java coercing a variable in the subgraph. */
    private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']+)' has an invalid value.*", Pattern.DOTALL);
    /** SmallRye GraphQL converting an argument into its Java input class. */
    private static final Pattern ARGUMENT = Pattern.compile("^argument '([^']+)' with value .* is not a valid .*", Pattern.DOTALL);
    /** graphql-java validating the document in the subgraph (a literal its own scalar refuses). */
    private static final Pattern VALIDATION = Pattern.compile("^Validation error \\(([^)]*)\\).*", Pattern.DOTALL);
    /** SmallRye's report of a non-null field left null, which follows an argument it could not convert. */
    private static final String NULL_BUBBLING = "was declared as a non null type";
    private static final String DATE_HINT = "les dates s'écrivent en ISO 8601 avec l'heure et le fuseau, par exemple "
            + "\"2026-11-27T10:00:00Z\"";

    /** A refusal of the request's values as the client gets it: its code and French message. */
    record Mistake(String code, String message) {
    }

    private SubgraphInputErrors() {
    }

    static Optional<Mistake> recognise(String subgraph, String message) {
        Matcher variable = VARIABLE.matcher(message);
        if (variable.matches()) {
            return Optional.of(new Mistake(GraphQLErrors.BAD_USER_INPUT, "La variable « $" + variable.group(1)
                    + " » contient une valeur que le service « " + subgraph + " » ne sait pas lire : vérifiez le type et "
                    + "le format de chacun de ses champs (" + DATE_HINT + ")."));
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.matches()) {
            return Optional.of(new Mistake(GraphQLErrors.BAD_USER_INPUT, "L'argument « " + argument.group(1)
                    + " » contient une valeur que le service « " + subgraph + " » ne sait pas lire : vérifiez le type et "
                    + "le format de chacun de ses champs (" + DATE_HINT + ")."));
        }
        Matcher validation = VALIDATION.matcher(message);
        if (validation.matches()) {
            return Optional.of(new Mistake(GraphQLErrors.VALIDATION_FAILED, "Une valeur écrite dans la requête est "
                    + "refusée par le service « " + subgraph + " » (" + validation.group(1) + ") : vérifiez son type et "
                    + "son format (" + DATE_HINT + ")."));
        }
        return Optional.empty();
    }

    /** Whether the error is SmallRye's refusal of an argument: it comes without a path, while its field has one. */
    static boolean isArgumentMistake(String message) {
        return ARGUMENT.matcher(message).matches();
    }

    /** Whether the error only reports a null that an input mistake of the same answer already explains. */
    static boolean isNullBubbling(String message) {
        return message.contains(NULL_BUBBLING);
    }
}
