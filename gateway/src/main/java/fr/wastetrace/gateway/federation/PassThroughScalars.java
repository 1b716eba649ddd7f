package fr.wastetrace.gateway.federation;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
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
import graphql.schema.GraphQLScalarType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Custom scalars of the composed schema (DateTime, JSON, ...). The gateway neither parses nor formats their values:
 * the owning subgraph does. It forwards what the client sent and what the subgraph answered, unchanged.
 */
final class PassThroughScalars {
    private PassThroughScalars() {
    }

    static GraphQLScalarType scalar(String name, String description) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new PassThrough()).build();
    }

    private static final class PassThrough implements Coercing<Object, Object> {
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
