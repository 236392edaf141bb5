package io.grposcope.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds keys that {@link RunConfig} does not have, walking the file's tree alongside the record structure; maps
 * (such as {@code method.params}) are free-form and left to the method plugin.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Checks {@code root} (the file's tree after migration); locations come from the file as written. */
    static void check(JsonNode root, LocatedTree tree, String source, List<ConfigProblem> problems) {
        walk(tree, source, root, RunConfig.class, "", problems);
    }

    private static void walk(LocatedTree tree, String source, JsonNode node, Class<?> type, String path,
                             List<ConfigProblem> problems) {
        RecordComponent[] comps = type.getRecordComponents();
        List<String> names = Arrays.stream(comps).map(RecordComponent::getName).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            RecordComponent comp = Arrays.stream(comps).filter(c -> c.getName().equals(e.getKey())).findFirst()
                    .orElse(null);
            if (comp == null) {
                int[] at = tree.location(child);
                problems.add(new ConfigProblem(source, at[0], at[1], child, "unknown key \"" + e.getKey() + "\"; "
                        + Names.suggestion(e.getKey(), names)));
            } else if (comp.getType().isRecord() && e.getValue().isObject()) {
                walk(tree, source, e.getValue(), comp.getType(), child, problems);
            }
        }
    }

    /** For messages: the declared type of a component, e.g. "int" or "Map<String, Object>". */
    static String typeName(Type t) {
        if (t instanceof ParameterizedType pt) {
            return ((Class<?>) pt.getRawType()).getSimpleName() + "<...>";
        }
        return t instanceof Class<?> c ? c.getSimpleName() : t.getTypeName();
    }
}
