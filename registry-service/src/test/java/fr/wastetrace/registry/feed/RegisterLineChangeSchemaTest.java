package fr.wastetrace.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.registry.RegisterLineChange;
import fr.wastetrace.registry.register.Columns;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checked-in feed schemas describe exactly what the feed and the register-lines topic carry. */
class RegisterLineChangeSchemaTest {

    @Test
    void theChangeSchemaListsTheRecordsFieldsAndEveryLineColumn() throws Exception {
        JsonNode schema = read(RegisterLineChange.SCHEMA_RESOURCE);
        Set<String> components = Arrays.stream(RegisterLineChange.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, names(schema.get("properties")));
        assertEquals(components, names(EventCodec.mapper().valueToTree(
                new RegisterLineChange(1, Instant.EPOCH, "DELETE", "ALL", "o", "d", "b", 1, null))));
        assertEquals(new TreeSet<>(Columns.LABELS.keySet()), names(schema.at("/$defs/RegisterLine/properties")));
    }

    @Test
    void theFeedPageSchemaListsThePagesFields() throws Exception {
        JsonNode schema = read("/schemas/registry-feed-page.v1.json");
        Set<String> components = Arrays.stream(FeedResource.FeedPage.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, names(schema.get("properties")));
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = RegisterLineChangeSchemaTest.class.getResourceAsStream(resource)) {
            return EventCodec.mapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
