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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric glossary (meaning, healthy range, verl / TRL names) read from the assets resource
 * {@code ui/metric-glossary.txt}, so the text lives in one place for tooltips and for the docs page.
 * Flow runs log every denoising step k under {@code t{k}/…}; one pattern block {@code [t{k}/rest]} covers all k.
 * A block may name, in an optional {@code alias:} field, the names the engine logs it under when they differ from
 * the block's (the dashboard's "ratio/log" is logged as "log_ratio").
 */
public final class Glossary {
    public static final String RESOURCE = "/io/grposcope/assets/ui/metric-glossary.txt";
    /** Prefix of the pattern blocks; {@code {k}} in their texts is replaced by the step number. */
    public static final String STEP_PREFIX = "t{k}/";
    private static final String STEP_VAR = "{k}";
    private static final Pattern PER_STEP = Pattern.compile("t(\\d+)/(.+)");

    /** One metric's entry. */
    public record Entry(String name, String title, String meaning, String healthy, String verl, String trl) {
        /** Tooltip text for a chart title. */
        public String tooltip() {
            return title + "  (" + name + ")\n\n" + meaning + "\n\nHealthy: " + healthy
                    + "\n\nverl: " + verl + "    TRL: " + trl;
        }

        /** Whether this block stands for every denoising step ({@code t{k}/…}). */
        public boolean perStep() {
            return name.startsWith(STEP_PREFIX);
        }

        /** This pattern entry read for one step: named {@code metric}, with {@code k} put in for "{k}". */
        Entry atStep(String metric, String k) {
            return map(metric, s -> s.replace(STEP_VAR, k));
        }

        /** For the docs page: "step {k}" reads "step k", while metric names such as t{k}/tau stay as they are. */
        Entry forDocs() {
            return map(name, s -> s.replaceAll("(?<!t)\\{k\\}", "k"));
        }

        private Entry map(String metric, java.util.function.UnaryOperator<String> f) {
            return new Entry(metric, f.apply(title), f.apply(meaning), f.apply(healthy), f.apply(verl), f.apply(trl));
        }
    }

    private final Map<String, Entry> entries;
    /** Logged name → block name. */
    private final Map<String, String> aliases;

    private Glossary(Map<String, Entry> entries, Map<String, String> aliases) {
        this.entries = entries;
        this.aliases = aliases;
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
        Map<String, String> aliases = new LinkedHashMap<>();
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
                add(out, aliases, name, fields);
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
        add(out, aliases, name, fields);
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (out.containsKey(a.getKey())) {
                throw new IllegalStateException(RESOURCE + ": alias '" + a.getKey() + "' of [" + a.getValue()
                        + "] is also an entry of its own");
            }
        }
        return new Glossary(out, aliases);
    }

    private static void add(Map<String, Entry> out, Map<String, String> aliases, String name, Map<String, String> f) {
        if (name == null) {
            return;
        }
        for (String k : new String[] {"title", "meaning", "healthy", "verl", "trl"}) {
            if (!f.containsKey(k)) {
                throw new IllegalStateException(RESOURCE + ": entry [" + name + "] lacks '" + k + "'");
            }
        }
        out.put(name, new Entry(name, f.get("title"), f.get("meaning"), f.get("healthy"), f.get("verl"), f.get("trl")));
        for (String alias : f.getOrDefault("alias", "").split(",")) {
            String a = alias.strip();
            if (!a.isEmpty() && aliases.putIfAbsent(a, name) != null) {
                throw new IllegalStateException(RESOURCE + ": alias '" + a + "' of [" + name
                        + "] is already an alias of [" + aliases.get(a) + "]");
            }
        }
    }

    /**
     * The entry for a metric name: an exact block first, then a block that lists the name as an alias (named as
     * asked), else for {@code t<digits>/rest} the pattern block {@code [t{k}/rest]} read for that step (so a title
     * says "… at denoising step 3").
     */
    public Optional<Entry> entry(String metric) {
        Entry exact = entries.get(metric);
        if (exact != null) {
            return Optional.of(exact);
        }
        String block = aliases.get(metric);
        if (block != null) {
            return Optional.of(entries.get(block).map(metric, s -> s));
        }
        Matcher m = PER_STEP.matcher(metric);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(STEP_PREFIX + m.group(2))).map(e -> e.atStep(metric, m.group(1)));
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    /** Tooltip text for a metric; metrics without an entry still say their name. */
    public String tooltip(String metric) {
        return entry(metric).map(Entry::tooltip).orElse(metric + "\n\n(no glossary entry yet)");
    }

    /**
     * Tooltip for a per-step metric shown over all k at once (a heatmap of {@code t{k}/metric}): the pattern block
     * with "step {k}" read as "step k", as on the docs page.
     */
    public String perStepTooltip(String metric) {
        Entry e = entries.get(STEP_PREFIX + metric);
        return e == null ? tooltip(STEP_PREFIX + metric) : e.forDocs().tooltip();
    }

    /** The docs page, docs/metric-glossary.md, rendered from the same entries: run-level, then per step. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("# Metric glossary\n\n")
                .append("Generated from `assets/src/main/resources").append(RESOURCE)
                .append("` (the same text the app shows as chart tooltips). Canonical names follow methods-spec §7.4.\n\n");
        table(sb, false);
        sb.append("\n## Per denoising step (flow runs)\n\n")
                .append("Flow runs also log each trained denoising step k (0 = the pure-noise end) as `t0/…`, `t1/…`, ...; ")
                .append("one entry below covers every k (the app's tooltip for `t3/ratio/std` reads \"… step 3\").\n\n");
        table(sb, true);
        return sb.toString();
    }

    private void table(StringBuilder sb, boolean perStep) {
        sb.append("| metric | what it means | healthy | verl | TRL |\n|---|---|---|---|---|\n");
        for (Entry entry : entries.values()) {
            if (entry.perStep() != perStep) {
                continue;
            }
            Entry e = entry.forDocs();
            sb.append("| `").append(e.name()).append("`").append(loggedAs(e.name())).append(" — ")
                    .append(cell(e.title())).append(" | ").append(cell(e.meaning()))
                    .append(" | ").append(cell(e.healthy())).append(" | ").append(code(e.verl())).append(" | ")
                    .append(code(e.trl())).append(" |\n");
        }
    }

    private String loggedAs(String block) {
        String names = aliases.entrySet().stream().filter(a -> a.getValue().equals(block))
                .map(a -> "`" + a.getKey() + "`").collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "" : " (logged as " + names + ")";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String code(String s) {
        return s.startsWith("—") ? cell(s) : "`" + cell(s) + "`";
    }

    /**
     * Writes docs/metric-glossary.md (GlossaryTest fails while it is stale). From the checkout root, after
     * {@code mvn -pl app -am compile}: {@code java -cp app/target/classes:assets/target/classes
     * io.grposcope.app.ui.glossary.Glossary docs/metric-glossary.md}.
     */
    public static void main(String[] args) throws IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args.length > 0 ? args[0] : "docs/metric-glossary.md"),
                load().markdown());
    }
}
