package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload bsd-service emits (a {@link Form} serialised with the event mapper) and the checked-in schema
 * {@code bsdd-state.v1.json} list exactly the same properties, at every level of nesting.
 */
class BsddStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        JsonNode payload = FormViews.payload((Form) filled(Form.class));
        JsonNode schema;
        try (InputStream in = BsddEvents.class.getResourceAsStream(BsddEvents.SCHEMA_RESOURCE)) {
            schema = EventCodec.mapper().readTree(in);
        }
        TreeSet<String> emitted = new TreeSet<>();
        payloadPaths(payload, "", emitted);
        TreeSet<String> declared = new TreeSet<>();
        schemaPaths(schema, "", declared);
        assertEquals(declared, emitted, "bsdd-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        JsonNode schema;
        try (InputStream in = BsddEvents.class.getResourceAsStream(BsddEvents.SCHEMA_RESOURCE)) {
            schema = EventCodec.mapper().readTree(in);
        }
        TreeSet<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        TreeSet<String> required = new TreeSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        assertEquals(properties, required);
    }

    /** Every property path of a payload, arrays written {@code []}. */
    static void payloadPaths(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(prefix + name);
                payloadPaths(node.get(name), prefix + name + ".", out);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            payloadPaths(node.get(0), prefix + "[].", out);
        }
    }

    static void schemaPaths(JsonNode schema, String prefix, TreeSet<String> out) {
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

    /** An instance whose every field, at every depth, holds a value, so that the serialised form shows all paths. */
    static Object filled(Class<?> type) throws Exception {
        Object instance = type.getDeclaredConstructor().newInstance();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
                    continue;
                }
                field.set(instance, sample(field.getType(), field.getGenericType()));
            }
        }
        return instance;
    }

    private static Object sample(Class<?> type, Type generic) throws Exception {
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
            if (item instanceof java.lang.reflect.AnnotatedType annotated) {
                item = annotated.getType();
            }
            Class<?> itemClass = (Class<?>) item;
            List<Object> list = new ArrayList<>();
            list.add(sample(itemClass, itemClass));
            return list;
        }
        return filled(type);
    }
}
