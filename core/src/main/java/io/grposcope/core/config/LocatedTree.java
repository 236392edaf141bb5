package io.grposcope.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON/YAML document as a tree plus the line and column of every key and value, keyed by dotted path
 * ("rollout.groupSize", "method.params.eps", "x.3" for array items), so errors found later can point into the file.
 */
final class LocatedTree {

    final JsonNode root;
    private final Map<String, int[]> locations;

    private LocatedTree(JsonNode root, Map<String, int[]> locations) {
        this.root = root;
        this.locations = locations;
    }

    static LocatedTree parse(JsonParser p) throws IOException {
        Map<String, int[]> locs = new HashMap<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            return new LocatedTree(JsonNodeFactory.instance.objectNode(), locs);
        }
        JsonNode root = value(p, "", locs);
        return new LocatedTree(root, locs);
    }

    /** Line and column of a path, or of its nearest located ancestor; {0, 0} when unknown. */
    int[] location(String path) {
        String p = path;
        while (true) {
            int[] loc = locations.get(p);
            if (loc != null || p.isEmpty()) {
                return loc == null ? new int[] {0, 0} : loc;
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    private static JsonNode value(JsonParser p, String path, Map<String, int[]> locs) throws IOException {
        locs.putIfAbsent(path, at(p.currentTokenLocation()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    locs.put(child, at(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(name, value(p, child, locs));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, path + "." + i++, locs));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                // ints stay Integer (as Jackson's own tree and the store's JSON read them), so a free-form
                // method.params map read from a file equals the one the app built
                return p.getNumberType() == JsonParser.NumberType.INT ? f.numberNode(p.getIntValue())
                        : f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    private static int[] at(JsonLocation l) {
        return new int[] {l.getLineNr(), l.getColumnNr()};
    }
}
