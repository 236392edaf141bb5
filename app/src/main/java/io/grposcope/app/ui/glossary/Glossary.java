package io.grposcope.app.ui.glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metric glossary (meaning, healthy range, verl / TRL names) read from the assets resource
 * {@code ui/metric-glossary.txt}, so the text lives in one place for tooltips and for the docs page.
 */
public final class Glossary {
    public static final String RESOURCE = "/io/grposcope/assets/ui/metric-glossary.txt";

    /** One metric's entry. */
    public record Entry(String name, String title, String meaning, String healthy, String verl, String trl) {
        /** Tooltip text for a chart title. */
        public String tooltip() {
            return title + "  (" + name + ")\n\n" + meaning + "\n\nHealthy: " + healthy
                    + "\n\nverl: " + verl + "    TRL: " + trl;
        }
    }

    private final Map<String, Entry> entries;

    private Glossary(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Loads the bundled glossary; a missing or malformed resource is a build error, so fail loudly. */
    public static Glossary load() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("glossary resource " + RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Glossary parse(String text) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String name = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                add(out, name, fields);
                name = t.substring(1, t.length() - 1);
                fields.clear();
            } else {
                int colon = t.indexOf(':');
                if (colon < 0 || name == null) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 'field: text', got: " + t);
                }
                fields.put(t.substring(0, colon).strip(), t.substring(colon + 1).strip());
            }
        }
        add(out, name, fields);
        return new Glossary(out);
    }

    private static void add(Map<String, Entry> out, String name, Map<String, String> f) {
        if (name == null) {
            return;
        }
        for (String k : new String[] {"title", "meaning", "healthy", "verl", "trl"}) {
            if (!f.containsKey(k)) {
                throw new IllegalStateException(RESOURCE + ": entry [" + name + "] lacks '" + k + "'");
            }
        }
        out.put(name, new Entry(name, f.get("title"), f.get("meaning"), f.get("healthy"), f.get("verl"), f.get("trl")));
    }

    public Optional<Entry> entry(String metric) {
        return Optional.ofNullable(entries.get(metric));
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    /** Tooltip text for a metric; metrics without an entry still say their name. */
    public String tooltip(String metric) {
        return entry(metric).map(Entry::tooltip).orElse(metric + "\n\n(no glossary entry yet)");
    }

    /** The docs page, docs/metric-glossary.md, rendered from the same entries. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("# Metric glossary\n\n")
                .append("Generated from `assets/src/main/resources").append(RESOURCE)
                .append("` (the same text the app shows as chart tooltips). Canonical names follow methods-spec §7.4.\n\n")
                .append("| metric | what it means | healthy | verl | TRL |\n|---|---|---|---|---|\n");
        for (Entry e : entries.values()) {
            sb.append("| `").append(e.name()).append("` — ").append(e.title()).append(" | ").append(cell(e.meaning()))
                    .append(" | ").append(cell(e.healthy())).append(" | ").append(code(e.verl())).append(" | ")
                    .append(code(e.trl())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String code(String s) {
        return s.startsWith("—") ? cell(s) : "`" + cell(s) + "`";
    }

    /** Writes docs/metric-glossary.md: {@code java ... Glossary <path>}. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args.length > 0 ? args[0] : "docs/metric-glossary.md"),
                load().markdown());
    }
}
