package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the drift tests of the core's types compare: the property paths of an emitted state payload and of its
 * checked-in JSON schema (arrays written {@code []}), and a document whose every field, at every depth, is filled.
 */
public final class StatePayloads {
    private StatePayloads() {
    }

    public static TreeSet<String> payloadPaths(JsonNode payload) {
        TreeSet<String> out = new TreeSet<>();
        payloadPaths(payload, "", out);
        return out;
    }

    public static TreeSet<String> schemaPaths(String resource) throws IOException {
        try (InputStream in = StatePayloads.class.getResourceAsStream(resource)) {
            TreeSet<String> out = new TreeSet<>();
            schemaPaths(EventCodec.mapper().readTree(in), "", out);
            return out;
        }
    }

    /** The schema's top-level properties and its required ones: every property of a state payload is always present. */
    public static List<TreeSet<String>> propertiesAndRequired(String resource) throws IOException {
        try (InputStream in = StatePayloads.class.getResourceAsStream(resource)) {
            JsonNode schema = EventCodec.mapper().readTree(in);
            TreeSet<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            TreeSet<String> required = new TreeSet<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            return List.of(properties, required);
        }
    }

    private static void payloadPaths(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(prefix + name);
                payloadPaths(node.get(name), prefix + name + ".", out);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            payloadPaths(node.get(0), prefix + "[].", out);
        }
    }

    private static void schemaPaths(JsonNode schema, String prefix, TreeSet<String> out) {
        if (schema.has("properties")) {
            schema.get("properties").fieldNames().forEachRemaining(name -> {
                out.add(prefix + name);
                schemaPaths(schema.get("properties").get(name), prefix + name + ".", out);
            });
        }
        if (schema.has("items")) {
            schemaPaths(schema.get("items"), prefix + "[].", out);
        }
    }

    /** The paths of the event payload of a record whose document has every field filled. */
    public static <D> TreeSet<String> filledPayloadPaths(Class<D> documentClass, String id, String status)
            throws ReflectiveOperationException {
        BsdRecord<D> record = new BsdRecord<>();
        record.id = id;
        record.status = status;
        record.version = 3;
        record.createdAt = Instant.parse("2026-11-27T10:00:00Z");
        record.updatedAt = record.createdAt;
        record.data = filled(documentClass);
        return payloadPaths(BsdPipeline.payload(record));
    }

    /** An instance whose every public field, at every depth, holds a value. */
    public static <T> T filled(Class<T> type) throws ReflectiveOperationException {
        T instance = type.getDeclaredConstructor().newInstance();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.set(instance, sample(field.getType(), field.getGenericType()));
            }
        }
        return instance;
    }

    private static Object sample(Class<?> type, Type generic) throws ReflectiveOperationException {
        if (type == String.class) {
            return "x";
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type == Double.class || type == double.class) {
            return 1.5;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-27T10:00:00Z");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(type)) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> itemClass = (Class<?>) (item instanceof ParameterizedType p ? p.getRawType() : item);
            List<Object> list = new ArrayList<>();
            list.add(sample(itemClass, item));
            return list;
        }
        return filled(type);
    }
}
