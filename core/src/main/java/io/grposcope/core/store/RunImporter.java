package io.grposcope.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Imports a JSONL metrics log in verl's file-logger format ({@code {"step": N, "data": {...}}}) as a new run, so
 * logs of Python trainers can be opened. Values may be numbers, NaN/Infinity tokens or strings; {@code null} (how
 * verl writes NaN and ±Inf) is stored as NaN and flagged with a NON_FINITE event, never read as zero. Nested
 * objects are flattened with "/". A malformed line is reported with its number and skipped.
 */
public final class RunImporter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final RunStore store;

    public RunImporter(RunStore store) {
        this.store = store;
    }

    /** What an import did: the new run, counts, and one message per skipped line or value. */
    public record Result(RunIds ids, long lines, long steps, long points, long nullsFlagged, List<String> problems) {
    }

    public Result importJsonl(BufferedReader in, String name, String source) throws IOException {
        RunConfig base = RunConfig.defaults();
        RunConfig config = new RunConfig(base.schemaVersion(), name, base.task(), base.policy(),
                new RunConfig.MethodConfig("imported", Map.of("source", source)), base.rollout(), base.optimizer(),
                base.ppo(), base.kl(), base.warmStart(), base.flow(), base.metrics(), base.seed(), base.device(), 0);
        RunIds ids = store.createRun(config, name);
        List<String> problems = new ArrayList<>();
        long lines = 0;
        long steps = 0;
        long points = 0;
        long nulls = 0;
        try (StoreWriter w = store.writer(ids)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                LineResult r = parseLine(line, lines, source, problems);
                if (r != null) {
                    w.onStep(r.record);
                    steps++;
                    points += r.record.scalars().size();
                    nulls += r.nulls;
                }
            }
        }
        store.setStatus(ids.runId(), "IMPORTED");
        return new Result(ids, lines, steps, points, nulls, problems);
    }

    private record LineResult(StepRecord record, int nulls) {
    }

    private static LineResult parseLine(String line, long lineNo, String source, List<String> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add(source + ":" + lineNo + ": not valid JSON (" + e.getOriginalMessage() + "); line skipped");
            return null;
        }
        JsonNode step = node == null ? null : node.get("step");
        JsonNode data = node == null ? null : node.get("data");
        if (step == null || !step.isIntegralNumber() || data == null || !data.isObject()) {
            problems.add(source + ":" + lineNo + ": expected {\"step\": <integer>, \"data\": {...}}; line skipped");
            return null;
        }
        StepRecord.Builder b = StepRecord.builder(step.asLong(), "imported");
        List<String> nullTags = new ArrayList<>();
        flatten("", data, b, nullTags, problems, source + ":" + lineNo);
        if (!nullTags.isEmpty()) {
            b.event(new RunEvent(step.asLong(), System.currentTimeMillis(), EventType.NON_FINITE,
                    "imported null (non-finite in the source) for " + String.join(", ", nullTags),
                    Map.of("tags", String.join(",", nullTags), "source_line", String.valueOf(lineNo))));
        }
        return new LineResult(b.build(), nullTags.size());
    }

    private static void flatten(String prefix, JsonNode obj, StepRecord.Builder b, List<String> nullTags,
                                List<String> problems, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String tag = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(tag + "/", v, b, nullTags, problems, where);
            } else if (v.isNull()) {
                b.scalar(tag, Double.NaN);
                nullTags.add(tag);
            } else if (v.isNumber()) {
                b.scalar(tag, v.doubleValue());
            } else if (v.isBoolean()) {
                b.scalar(tag, v.booleanValue() ? 1 : 0);
            } else if (v.isTextual() && parseNumber(v.textValue()) != null) {
                b.scalar(tag, parseNumber(v.textValue()));
            } else {
                problems.add(where + ": value of \"" + tag + "\" is not a number (" + abbreviate(v.toString())
                        + "); value skipped");
            }
        }
    }

    /** Numbers written as strings, including Python's and verl's spellings of the non-finite values. */
    static Double parseNumber(String s) {
        String t = s.trim();
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
