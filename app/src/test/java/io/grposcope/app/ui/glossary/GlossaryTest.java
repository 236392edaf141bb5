package io.grposcope.app.ui.glossary;

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
    void anExactBlockWinsOverThePattern() throws Exception {
        Glossary g = Glossary.parse("[t{k}/w]\ntitle: W at step {k}\nmeaning: m\nhealthy: h\nverl: —\ntrl: —\n"
                + "[t0/w]\ntitle: W at the first step\nmeaning: m0\nhealthy: h0\nverl: —\ntrl: —\n");
        assertThat(g.entry("t0/w").orElseThrow().title()).isEqualTo("W at the first step");
        assertThat(g.entry("t7/w").orElseThrow().title()).isEqualTo("W at step 7");
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
        Set<String> names = ConcurrentHashMap.newKeySet();
        Set<String> phases = ConcurrentHashMap.newKeySet();
        try (EngineLoop run = TrainingRuns.create(FlowTestConfigs.small("flow_grpo", Map.of(), 20, 2), dir)) {
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
        assertThat(phases).containsExactlyInAnyOrder(StepRecord.PHASE_PRETRAIN, StepRecord.PHASE_GRPO);
        assertThat(names).contains("loss/fm", "t0/ratio/mean", "t0/log_ratio", "eval/reward/mean", "grad/norm_max",
                "timing_s/update");
        Glossary g = Glossary.load();
        Set<String> missing = new TreeSet<>();
        for (String n : names) {
            if (g.entry(n).isEmpty()) {
                missing.add(n);
            }
        }
        assertThat(missing).as("flow metrics without a glossary entry (add them to %s)", Glossary.RESOURCE).isEmpty();
    }
}
