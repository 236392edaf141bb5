package io.grposcope.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a branch's scalars (its whole lineage) as CSV (one row per step, one column per tag) or as JSONL in verl's
 * file-logger line format {@code {"step": N, "data": {...}}} with NaN/±Inf as the strings "NaN", "Infinity",
 * "-Infinity". Reads the run in windows of steps, so long runs do not have to fit in memory.
 */
public final class RunExporter {

    private static final long WINDOW = 4096;
    private static final JsonFactory JSON = new JsonFactory();

    private final RunStore store;

    public RunExporter(RunStore store) {
        this.store = store;
    }

    public enum Format { CSV, JSONL }

    /** Writes the export; returns the number of steps written. */
    public long export(RunIds ids, Format format, Writer out) throws IOException {
        List<String> tags = store.tags(ids.runId());
        List<StepInfo> steps = store.steps(ids, Long.MIN_VALUE, Long.MAX_VALUE);
        if (format == Format.CSV) {
            out.write(csvHeader(tags));
        }
        long written = 0;
        for (int i = 0; i < steps.size(); ) {
            long lo = steps.get(i).step();
            long hi = lo + WINDOW - 1;
            Map<Long, Map<String, Double>> window = window(ids, tags, lo, hi);
            for (; i < steps.size() && steps.get(i).step() <= hi; i++) {
                StepInfo s = steps.get(i);
                Map<String, Double> values = window.getOrDefault(s.step(), Map.of());
                out.write(format == Format.CSV ? csvRow(s, tags, values) : jsonLine(s.step(), tags, values));
                written++;
            }
        }
        out.flush();
        return written;
    }

    private Map<Long, Map<String, Double>> window(RunIds ids, List<String> tags, long lo, long hi) {
        Map<Long, Map<String, Double>> byStep = new TreeMap<>();
        for (String tag : tags) {
            RawSeries r = store.rawSeries(ids, tag, lo, hi);
            for (int k = 0; k < r.size(); k++) {
                byStep.computeIfAbsent(r.steps()[k], s -> new TreeMap<>()).put(tag, r.values()[k]);
            }
        }
        return byStep;
    }

    private static String csvHeader(List<String> tags) {
        StringBuilder sb = new StringBuilder("step,wall_time_ms,phase");
        for (String t : tags) {
            sb.append(',').append(csvCell(t));
        }
        return sb.append('\n').toString();
    }

    private static String csvRow(StepInfo s, List<String> tags, Map<String, Double> values) {
        StringBuilder sb = new StringBuilder().append(s.step()).append(',').append(s.wallTimeMillis()).append(',')
                .append(csvCell(s.phase()));
        for (String t : tags) {
            Double v = values.get(t);
            sb.append(',').append(v == null ? "" : numberText(v));
        }
        return sb.append('\n').toString();
    }

    static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** "NaN", "Infinity", "-Infinity", or the shortest text that reads back to the same double. */
    static String numberText(double v) {
        return Double.toString(v);
    }

    static String jsonLine(long step, List<String> tags, Map<String, Double> values) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeNumberField("step", step);
            g.writeObjectFieldStart("data");
            for (String t : tags) {
                Double v = values.get(t);
                if (v == null) {
                    continue;
                }
                if (Double.isFinite(v)) {
                    g.writeNumberField(t, v);
                } else {
                    g.writeStringField(t, numberText(v));
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return sw.append('\n').toString();
    }
}
