package io.grposcope.app.ui.glossary;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.engine.flow.FlowTestConfigs;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlossaryTest {

    @Test
    void everyDashboardMetricHasAnEntryWithFrameworkNames() {
        Glossary g = Glossary.load();
        for (String m : new String[] {"reward/mean", "grad/norm", "clip/frac_high", "clip/frac_low", "clip/frac_dual",
            "kl/ref", "entropy/token_mean", "ratio/log", "lr", "grad/layer_norms"}) {
            assertThat(g.entry(m)).as(m).isPresent();
        }
        assertThat(g.entry("grad/norm").orElseThrow().verl()).isEqualTo("actor/grad_norm");
        assertThat(g.entry("clip/frac_high").orElseThrow().trl()).isEqualTo("clip_ratio/high_mean");
        assertThat(g.tooltip("kl/ref")).contains("Healthy:").contains("verl: actor/kl_loss");
    }

    @Test
    void docsPageIsGeneratedFromTheResource() throws Exception {
        Path doc = Path.of("..", "docs", "metric-glossary.md");
        assertThat(Files.readString(doc))
                .as("docs/metric-glossary.md is stale: regenerate with Glossary.main (see its javadoc)")
                .isEqualTo(Glossary.load().markdown());
    }

    @Test
    void malformedEntryNamesTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Glossary.parse("[x]\ntitle: X\n"))
                .hasMessageContaining("[x]").hasMessageContaining("meaning");
    }

    @Test
    void perStepNameResolvesToThePatternEntryAndNamesTheStep() {
        Glossary g = Glossary.load();
        Glossary.Entry e = g.entry("t3/ratio/std").orElseThrow();
        assertThat(e.name()).isEqualTo("t3/ratio/std");
        assertThat(e.title()).contains("step 3").doesNotContain("{k}");
        assertThat(g.tooltip("t3/ratio/std")).startsWith(e.title() + "  (t3/ratio/std)").doesNotContain("{k}")
                .contains("verl-omni actor/ratio_std");
        // "{k}" inside a metric name in the text becomes the same step
        assertThat(g.entry("t12/ratio_raw/mean").orElseThrow().meaning()).contains("t12/ratio/mean");
        assertThat(g.entry("t3/no_such_metric")).isEmpty();
        assertThat(g.entry("tx/ratio/std")).isEmpty();
        assertThat(g.entry("ratio/std").orElseThrow().title()).isEqualTo("Importance ratio std");
    }

    @Test
    void aHeatmapOverAllStepsGetsThePatternTextWithStepK() {
        Glossary g = Glossary.load();
        assertThat(g.perStepTooltip("ratio/std")).startsWith("Ratio std at denoising step k  (t{k}/ratio/std)")
                .doesNotContain("step {k}").contains("Healthy:");
        for (String heatmap : new String[] {"ratio/std", "clip/frac_abs_gt_eps", "grad/share"}) {
            assertThat(g.perStepTooltip(heatmap)).as(heatmap).doesNotContain("no glossary entry");
        }
        assertThat(g.perStepTooltip("no_such_metric")).contains("no glossary entry");
    }

    @Test
    void anExactBlockWinsOverThePattern() throws Exception {
        Glossary g = Glossary.parse("[t{k}/w]\ntitle: W at step {k}\nmeaning: m\nhealthy: h\nverl: —\ntrl: —\n"
                + "[t0/w]\ntitle: W at the first step\nmeaning: m0\nhealthy: h0\nverl: —\ntrl: —\n");
        assertThat(g.entry("t0/w").orElseThrow().title()).isEqualTo("W at the first step");
        assertThat(g.entry("t7/w").orElseThrow().title()).isEqualTo("W at step 7");
    }

    @Test
    void aLoggedNameFindsItsBlockThroughTheAlias() throws Exception {
        Glossary g = Glossary.parse("[ratio/log]\ntitle: Log ratio\nalias: log_ratio, lr_hist\nmeaning: m\nhealthy: h\n"
                + "verl: —\ntrl: —\n");
        assertThat(g.entry("log_ratio").orElseThrow().name()).isEqualTo("log_ratio");
        assertThat(g.entry("lr_hist").orElseThrow().title()).isEqualTo("Log ratio");
        assertThat(g.tooltip("log_ratio")).startsWith("Log ratio  (log_ratio)");
        assertThat(g.entry("ratio/log").orElseThrow().name()).isEqualTo("ratio/log");
        assertThat(g.markdown()).contains("| `ratio/log` (logged as `log_ratio`, `lr_hist`) — Log ratio |");
        assertThat(Glossary.load().entry("entropy").orElseThrow().title()).isEqualTo("Token entropy distribution");
    }

    @Test
    void anAliasThatIsAlsoAnEntryOrTakenTwiceIsRejected() {
        String block = "title: T\nmeaning: m\nhealthy: h\nverl: —\ntrl: —\n";
        assertThatThrownBy(() -> Glossary.parse("[a]\nalias: b\n" + block + "[b]\n" + block))
                .hasMessageContaining("alias 'b' of [a]");
        assertThatThrownBy(() -> Glossary.parse("[a]\nalias: c\n" + block + "[b]\nalias: c\n" + block))
                .hasMessageContaining("alias 'c' of [b] is already an alias of [a]");
    }

    @Test
    void docsPageShowsPerStepEntriesWithTheirPatternNames() {
        String md = Glossary.load().markdown();
        assertThat(md).contains("| `t{k}/ratio/mean` — Ratio mean at denoising step k |")
                .contains("## Per denoising step (flow runs)");
        assertThat(md.substring(md.indexOf("## Per denoising step"))).doesNotContain("`reward/mean`");
    }

    /**
     * A real flow run (20 pretraining + 2 GRPO steps, with evaluation): every scalar and histogram name any of its
     * records carries must have an entry, per-step names through their t{k} pattern. The timing_s/* names are
     * documented too, so nothing is excluded.
     */
    @Test
    @Timeout(120)
    void everyMetricOfARealFlowRunHasAnEntry(@TempDir Path dir) throws Exception {
        Set<String> names = metricsOfARun(FlowTestConfigs.small("flow_grpo", Map.of(), 20, 2), dir,
                StepRecord.PHASE_PRETRAIN, StepRecord.PHASE_GRPO);
        assertThat(names).contains("loss/fm", "t0/ratio/mean", "t0/log_ratio", "eval/reward/mean", "grad/norm_max",
                "timing_s/update");
        assertThat(withoutEntry(names)).as("flow metrics without a glossary entry (add them to %s)", Glossary.RESOURCE)
                .isEmpty();
    }

    /**
     * A real token run (3 warm-start + 2 GRPO steps of a tiny transformer, KL to the reference on, two minibatches):
     * every scalar and histogram name of both phases must have an entry, the histograms through their aliases.
     */
    @Test
    @Timeout(120)
    void everyMetricOfARealTokenRunHasAnEntry(@TempDir Path dir) throws Exception {
        RunConfig d = RunConfig.defaults();
        RunConfig tiny = new RunConfig(d.schemaVersion(), "glossary-tiny",
                new RunConfig.TaskConfig("token", "addition", 1), new RunConfig.PolicyConfig(32, 2, 1, 16), d.method(),
                new RunConfig.RolloutConfig(3, 4, 1.0, 1.0, 5), d.optimizer(),
                new RunConfig.PpoConfig(1, 2, 0.2, 0.2, 3.0, "token-mean", 0.0), new RunConfig.KlConfig(0.01, "k3"),
                new RunConfig.WarmStartConfig(3, 1e-3, 16), d.flow(), d.metrics(), 5L, "cpu", 2);
        Set<String> names = metricsOfARun(tiny, dir, StepRecord.PHASE_WARM_START, StepRecord.PHASE_GRPO);
        assertThat(names).contains("warm_start/loss", "reward/accuracy", "ratio/p99", "entropy/p10", "log_ratio",
                "entropy", "kl/ref", "loss/regularizer", "timing_s/gen", "perf/total_num_tokens", "grad/layer_norms");
        assertThat(withoutEntry(names)).as("token metrics without a glossary entry (add them to %s)", Glossary.RESOURCE)
                .isEmpty();
    }

    /** Runs {@code config} to the end and returns every scalar and histogram name its records carried. */
    private static Set<String> metricsOfARun(RunConfig config, Path dir, String... expectedPhases) throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Set<String> phases = ConcurrentHashMap.newKeySet();
        try (EngineLoop run = TrainingRuns.create(config, dir)) {
            run.addListener(new StepListener() {
                @Override
                public void onStep(StepRecord r) {
                    names.addAll(r.scalars().keySet());
                    names.addAll(r.histograms().keySet());
                    if (!r.layerGradNorms().isEmpty()) {
                        names.add("grad/layer_norms");
                    }
                    phases.add(r.phase());
                }
            });
            run.start();
            run.awaitTermination();
            assertThat(run.state()).isEqualTo(RunState.FINISHED);
        }
        assertThat(phases).containsExactlyInAnyOrder(expectedPhases);
        return names;
    }

    private static Set<String> withoutEntry(Set<String> names) {
        Glossary g = Glossary.load();
        Set<String> missing = new TreeSet<>();
        for (String n : names) {
            if (g.entry(n).isEmpty()) {
                missing.add(n);
            }
        }
        return missing;
    }
}
