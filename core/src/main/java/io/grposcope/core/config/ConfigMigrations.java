package io.grposcope.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Forward migrations of config files: step i turns a schema-(i+1) tree into a schema-(i+2) tree, so a file of any
 * older version is brought to {@link RunConfig#SCHEMA_VERSION} before it is read. Schema 1 is the first released
 * layout, so the list is empty until the layout changes; a change adds a step here and bumps SCHEMA_VERSION.
 */
final class ConfigMigrations {

    static final List<UnaryOperator<ObjectNode>> STEPS = List.of();

    private ConfigMigrations() {
    }

    /** The schema version these steps lead to. */
    static int latest(List<UnaryOperator<ObjectNode>> steps) {
        return 1 + steps.size();
    }

    /** Applies the steps from {@code version} to the latest and records the new version in the tree. */
    static ObjectNode migrate(ObjectNode tree, int version, List<UnaryOperator<ObjectNode>> steps) {
        ObjectNode t = tree;
        for (int v = version; v < latest(steps); v++) {
            t = steps.get(v - 1).apply(t);
        }
        t.put("schemaVersion", latest(steps));
        return t;
    }
}
