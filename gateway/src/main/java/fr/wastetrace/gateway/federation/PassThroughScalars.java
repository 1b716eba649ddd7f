package fr.wastetrace.gateway.federation;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Custom scalars of the composed schema (DateTime, JSON, ...). The gateway neither converts nor formats their values:
 * the owning subgraph does. It forwards what the client sent and what the subgraph answered, unchanged.
 *
 * <p>{@code DateTime} is checked on the way in, as the reference API's scalar checks it (a string in an ISO 8601
 * format, date alone or date and time), so that a malformed date is the client's mistake at its path (a literal:
 * {@code GRAPHQL_VALIDATION_FAILED}; a variable: {@code BAD_USER_INPUT}) rather than a subgraph's failure.
 */
final class PassThroughScalars {
    private PassThroughScalars() {
    }

    /** ISO 8601 as the reference's DateTime reads it: a date, optionally a time (seconds, fraction), optionally an offset. */
    private static final Pattern ISO_8601 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?");

    static GraphQLScalarType scalar(String name, String description) {
        Coercing<Object, Object> coercing = "DateTime".equals(name) ? new DateTime() : new PassThrough();
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }

    /** A DateTime as the client wrote it, once it reads as a date. */
    private static final class DateTime extends PassThrough {
        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!isDate(input)) {
                throw new CoercingParseValueException(refusal(input instanceof String s ? "« " + s + " »" : String.valueOf(input)));
            }
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                if (!isDate(s.getValue())) {
                    throw new CoercingParseLiteralException(refusal("« " + s.getValue() + " »"));
                }
                return s.getValue();
            }
            if (input instanceof VariableReference || input instanceof NullValue) {
                return super.parseLiteral(input, variables, context, locale);
            }
            throw new CoercingParseLiteralException(refusal(AstPrinter.printAst(input)));
        }

        private static boolean isDate(Object input) {
            if (!(input instanceof String s) || !ISO_8601.matcher(s).matches()) {
                return false;
            }
            try {
                LocalDate.parse(s.substring(0, 10));
                if (s.length() > 10) {
                    LocalTime.parse(s.substring(11, Math.min(s.length(), 19)).replaceAll("[Z+-].*$", ""));
                }
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static String refusal(String received) {
            return received + " n'est pas une date au format ISO 8601 : écrivez-la entre guillemets, par exemple "
                    + "\"2026-11-27T10:00:00Z\".";
        }
    }

    private static class PassThrough implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables.toMap());
        }
    }

    static Object literal(Value<?> value, Map<String, Object> variables) {
        if (value instanceof StringValue s) {
            return s.getValue();
        } else if (value instanceof IntValue i) {
            return i.getValue();
        } else if (value instanceof FloatValue f) {
            return f.getValue();
        } else if (value instanceof BooleanValue b) {
            return b.isValue();
        } else if (value instanceof EnumValue e) {
            return e.getName();
        } else if (value instanceof NullValue) {
            return null;
        } else if (value instanceof VariableReference v) {
            return variables.get(v.getName());
        } else if (value instanceof ArrayValue a) {
            return a.getValues().stream().map(v -> literal(v, variables)).toList();
        } else if (value instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
            return map;
        }
        return List.of();
    }
}
