package fr.wastetrace.gateway.federation;

import graphql.GraphQLContext;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the request's variables against the operation's declarations before anything is sent to a subgraph, as
 * GraphQL's input coercion does, and says in French what to fix and where ({@code $input.wasteDetails.parcelNumbers[0].city}).
 * A mistake there is the client's: the gateway answers {@code BAD_USER_INPUT}, never a server error.
 *
 * <p>Custom scalars (DateTime, JSON, ...) are checked as far as {@link PassThroughScalars} does; the owning subgraph
 * reads them, and the gateway passes its refusal on as the client's mistake too.
 */
final class VariableValues {
    /** Beyond this many problems, the client has enough to fix. */
    static final int MAX_PROBLEMS = 20;
    private static final int MAX_LISTED_VALUES = 40;
    private static final Set<String> SPECIFIED_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    private VariableValues() {
    }

    /** What is wrong with {@code values} for {@code operation}, one French sentence per problem; empty when all is well. */
    static List<String> problems(GraphQLSchema schema, OperationDefinition operation, Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            GraphQLInputType type = inputType(schema, definition.getType());
            String path = "$" + definition.getName();
            if (type == null) {
                continue; // validation already refused an unknown type
            }
            if (!values.containsKey(definition.getName())) {
                if (definition.getDefaultValue() == null && type instanceof GraphQLNonNull) {
                    problems.add("La variable « " + path + " » (" + GraphQLTypeUtil.simplePrint(type)
                            + ") est obligatoire : ajoutez-la dans « variables ».");
                }
                continue;
            }
            check(values.get(definition.getName()), type, path, problems);
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    private static void check(Object value, GraphQLInputType type, String path, List<String> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                problems.add("« " + path + " » ne peut pas être null (type " + GraphQLTypeUtil.simplePrint(type)
                        + ") : indiquez une valeur.");
                return;
            }
            check(value, (GraphQLInputType) nonNull.getWrappedType(), path, problems);
            return;
        }
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> values) {
                for (int i = 0; i < values.size(); i++) {
                    check(values.get(i), item, path + "[" + i + "]", problems);
                }
            } else {
                check(value, item, path, problems); // a single value stands for a list of one
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            checkObject(value, object, path, problems);
        } else if (type instanceof GraphQLEnumType enumType) {
            if (!(value instanceof String name) || enumType.getValue(name) == null) {
                List<String> names = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
                problems.add("« " + path + " » : " + describe(value) + " n'est pas une valeur de " + enumType.getName()
                        + " (valeurs possibles : " + list(names) + ").");
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                problems.add("« " + path + " » contient le caractère nul (U+0000), qu'aucun champ n'accepte : retirez-le.");
                return;
            }
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.FRENCH);
            } catch (CoercingParseValueException e) {
                problems.add("« " + path + " » : " + (SPECIFIED_SCALARS.contains(scalar.getName())
                        ? describe(value) + " n'est pas un " + scalar.getName() + " valide (" + expected(scalar.getName(), value) + ")."
                        : e.getMessage()));
            }
        }
    }

    private static void checkObject(Object value, GraphQLInputObjectType object, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> fields)) {
            problems.add("« " + path + " » doit être un objet (type " + object.getName() + "), pas " + describe(value) + ".");
            return;
        }
        for (Object key : fields.keySet()) {
            if (object.getField(String.valueOf(key)) == null) {
                problems.add("« " + path + "." + key + " » : champ inconnu du type " + object.getName()
                        + " : retirez-le (champs possibles : " + list(object.getFieldDefinitions().stream()
                        .map(GraphQLInputObjectField::getName).toList()) + ").");
            }
        }
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            String fieldPath = path + "." + field.getName();
            if (!fields.containsKey(field.getName())) {
                if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
                    problems.add("« " + fieldPath + " » est obligatoire (type " + GraphQLTypeUtil.simplePrint(field.getType())
                            + ") : ajoutez ce champ.");
                }
                continue;
            }
            check(fields.get(field.getName()), field.getType(), fieldPath, problems);
        }
    }

    private static String expected(String scalar, Object value) {
        return switch (scalar) {
            case "Int" -> value instanceof Number
                    ? "un entier entre " + Integer.MIN_VALUE + " et " + Integer.MAX_VALUE + " est attendu"
                    : "un nombre entier est attendu, sans guillemets";
            case "Float" -> "un nombre est attendu, sans guillemets";
            case "Boolean" -> "true ou false est attendu, sans guillemets";
            case "ID" -> "une chaîne de caractères ou un entier est attendu";
            default -> "une chaîne de caractères est attendue, entre guillemets";
        };
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "« " + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + " »";
        }
        if (value instanceof Map<?, ?>) {
            return "un objet";
        }
        if (value instanceof List<?>) {
            return "une liste";
        }
        return String.valueOf(value);
    }

    private static String list(List<String> names) {
        String listed = names.stream().limit(MAX_LISTED_VALUES).collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED_VALUES ? listed + ", …" : listed;
    }

    private static GraphQLInputType inputType(GraphQLSchema schema, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            GraphQLInputType wrapped = inputType(schema, nonNull.getType());
            return wrapped == null ? null : GraphQLNonNull.nonNull(wrapped);
        }
        if (type instanceof ListType list) {
            GraphQLInputType wrapped = inputType(schema, list.getType());
            return wrapped == null ? null : GraphQLList.list(wrapped);
        }
        return schema.getType(((TypeName) type).getName()) instanceof GraphQLInputType input ? input : null;
    }
}
