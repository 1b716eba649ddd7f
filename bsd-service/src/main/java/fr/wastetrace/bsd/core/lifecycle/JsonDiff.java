package fr.wastetrace.bsd.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paths whose values differ between two versions of a BSD document ({@code wasteDetails.code},
 * {@code transporters[1].numberPlate}); a list whose length changed is reported as a whole. Re-sending an unchanged
 * value is therefore not a change.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    public static Set<String> changedPaths(JsonNode before, JsonNode after) {
        Set<String> paths = new TreeSet<>();
        diff(normalize(before), normalize(after), "", paths);
        return paths;
    }

    private static void diff(JsonNode a, JsonNode b, String path, Set<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(normalize(a.get(name)), normalize(b.get(name)), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (a.isObject() && b.isNull() || a.isNull() && b.isObject()) {
            JsonNode present = a.isObject() ? a : b;
            Iterator<String> names = present.fieldNames();
            boolean any = false;
            while (names.hasNext()) {
                String name = names.next();
                if (!normalize(present.get(name)).isNull()) {
                    diff(a.isObject() ? present.get(name) : NullNode.getInstance(),
                            b.isObject() ? present.get(name) : NullNode.getInstance(), path + "." + name, out);
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
    }

    private static JsonNode normalize(JsonNode node) {
        return node == null || node instanceof MissingNode ? NullNode.getInstance() : node;
    }
}
