package fr.wastetrace.registry.register;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnsTest {

    @Test
    void everyFieldOfEveryRegisterTypeHasAFrenchLabelAndNothingElseDoes() {
        Set<String> allFields = fields(Columns.nodeType(RegisterType.ALL));
        assertEquals(allFields, Columns.LABELS.keySet());
        for (RegisterType register : RegisterType.values()) {
            List<String> columns = Columns.of(register);
            assertEquals(fields(Columns.nodeType(register)), new HashSet<>(columns), register.name());
            assertTrue(allFields.containsAll(columns));
        }
    }

    @Test
    void labelsAreDistinctAndNotFieldNames() {
        assertEquals(Columns.LABELS.size(), new HashSet<>(Columns.LABELS.values()).size());
        Columns.LABELS.forEach((field, label) -> assertFalse(label.equals(field), field));
    }

    @Test
    void filesStartWithTheBsdIdentity() {
        assertEquals(List.of("id", "bsdType", "bsdSubType"), Columns.of(RegisterType.INCOMING).subList(0, 3));
    }

    private static Set<String> fields(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toSet());
    }
}
