package io.grposcope.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Loads run configs written by hand in YAML or JSON. A file names only what it changes: it is migrated to the
 * current schema, merged over {@link RunConfig#defaults()}, then checked; every problem is reported at once with
 * file, line/column and field path (unknown keys and method ids with the closest valid names).
 */
public final class ConfigLoader {

    /** Problems in the order of the file; those without a position (defaults) last. */
    private static final Comparator<ConfigProblem> IN_FILE_ORDER = Comparator
            .comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(ConfigProblem::column);

    private final Set<String> methodIds;
    private final List<UnaryOperator<ObjectNode>> migrations;
    private final MethodParamsCheck paramsCheck;

    /** {@code methodIds}: the registered method plugin ids; empty skips that check. */
    public ConfigLoader(Set<String> methodIds) {
        this(methodIds, ConfigMigrations.STEPS);
    }

    ConfigLoader(Set<String> methodIds, List<UnaryOperator<ObjectNode>> migrations) {
        this(methodIds, migrations, (id, params) -> Map.of());
    }

    private ConfigLoader(Set<String> methodIds, List<UnaryOperator<ObjectNode>> migrations, MethodParamsCheck check) {
        this.methodIds = Set.copyOf(methodIds);
        this.migrations = List.copyOf(migrations);
        this.paramsCheck = check;
    }

    /** A loader that also checks {@code method.params} of known methods, reporting each at its line. */
    public ConfigLoader withMethodParams(MethodParamsCheck check) {
        return new ConfigLoader(methodIds, migrations, check);
    }

    /** Reads a .yaml/.yml or .json file. */
    public RunConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, 0, "",
                    "cannot read the file: " + e.getMessage())));
        }
        return parse(text, file.toString(), isJson(file));
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Parses config text; {@code source} names it in messages. */
    public RunConfig parse(String text, String source, boolean json) {
        LocatedTree tree = readTree(text, source, json);
        if (!tree.root.isObject()) {
            int[] at = tree.location("");
            throw new ConfigException(List.of(new ConfigProblem(source, at[0], at[1], "", "a run config must be a"
                    + " mapping of fields, found " + tree.root.getNodeType().name().toLowerCase(Locale.ROOT))));
        }
        ObjectNode file = migrate(((ObjectNode) tree.root).deepCopy(), tree, source);
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigKeys.check(file, tree, source, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ObjectMapper mapper = strictMapper();
        ObjectNode merged = mapper.valueToTree(RunConfig.defaults());
        merge(merged, file);
        RunConfig config = bind(mapper, merged, tree, source);
        for (String[] err : ConfigValidator.validate(config, methodIds)) {
            int[] at = tree.location(err[0]);
            problems.add(new ConfigProblem(source, at[0], at[1], err[0], err[1]));
        }
        if (methodIds.isEmpty() || methodIds.contains(config.method().id())) {
            paramsCheck.problems(config.method().id(), config.method().params()).forEach((name, msg) -> {
                String path = "method.params." + name;
                int[] at = tree.location(path);
                problems.add(new ConfigProblem(source, at[0], at[1], path, msg));
            });
        }
        if (!problems.isEmpty()) {
            problems.sort(IN_FILE_ORDER);
            throw new ConfigException(problems);
        }
        return config;
    }

    private static LocatedTree readTree(String text, String source, boolean json) {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(text)) {
            return LocatedTree.parse(p);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(List.of(new ConfigProblem(source, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    private ObjectNode migrate(ObjectNode file, LocatedTree tree, String source) {
        int latest = ConfigMigrations.latest(migrations);
        JsonNode v = file.get("schemaVersion");
        if (v == null) {
            return file;
        }
        int[] at = tree.location("schemaVersion");
        if (!v.isIntegralNumber() || v.asInt() < 1) {
            throw new ConfigException(List.of(new ConfigProblem(source, at[0], at[1], "schemaVersion",
                    v + " is not a schema version; allowed 1.." + latest)));
        }
        if (v.asInt() > latest) {
            throw new ConfigException(List.of(new ConfigProblem(source, at[0], at[1], "schemaVersion",
                    "schema " + v.asInt() + " is newer than this GRPO Scope knows (up to " + latest + ")")));
        }
        return ConfigMigrations.migrate(file, v.asInt(), migrations);
    }

    /** Objects merge key by key; anything else in the file replaces the default. */
    static void merge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static RunConfig bind(ObjectMapper mapper, ObjectNode merged, LocatedTree tree, String source) {
        try {
            return mapper.treeToValue(merged, RunConfig.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            int[] at = tree.location(path);
            throw new ConfigException(List.of(new ConfigProblem(source, at[0], at[1], path,
                    "wrong type: " + e.getOriginalMessage().replaceAll(" at \\[Source.*", ""))));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", e.getOriginalMessage())));
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }

    /** No silent coercions: "8" is not 8, 2.5 is not 2, null is not 0. */
    static ObjectMapper strictMapper() {
        return ConfigJson.configure(JsonMapper.builder())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
