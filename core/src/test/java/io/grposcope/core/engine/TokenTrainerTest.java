package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTrainerTest {

    @TempDir
    Path dir;

    static RunConfig tiny(int warm, int steps, long seed) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(d.schemaVersion(), "tiny", new RunConfig.TaskConfig("token", "addition", 1),
                new RunConfig.PolicyConfig(32, 2, 1, 16), d.method(),
                new RunConfig.RolloutConfig(3, 4, 1.0, 1.0, 5), d.optimizer(),
                new RunConfig.PpoConfig(2, 2, 0.2, 0.2, 3.0, "token-mean", 0.0), d.kl(),
                new RunConfig.WarmStartConfig(warm, 1e-3, 16), d.flow(), d.metrics(), seed, "cpu", steps);
    }

    /** Scalars without wall-clock ones. */
    private static Map<String, Double> stable(StepRecord r) {
        Map<String, Double> m = new LinkedHashMap<>(r.scalars());
        m.keySet().removeIf(k -> k.startsWith("timing_s/") || k.startsWith("perf/throughput"));
        return m;
    }

    /** A trainer whose engine thread has opened the model and waits, paused, for {@link #eng} calls. */
    private TokenTrainer paused(RunConfig c) {
        TokenTrainer t = new TokenTrainer(c, dir);
        t.pause();
        t.start();
        return t;
    }

    /** Runs {@code c} on the trainer's engine thread (the product path: grad mode and threads as in a run). */
    private static <T> T eng(TokenTrainer t, java.util.concurrent.Callable<T> c) throws Exception {
        return t.runOnEngine(c).get(120, TimeUnit.SECONDS);
    }

    private static List<Map<String, Double>> drive(TokenTrainer t, int from, int n) throws Exception {
        return eng(t, () -> driveHere(t, from, n));
    }

    private static List<Map<String, Double>> driveHere(TokenTrainer t, int from, int n) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(stable(t.runStep(from + i)));
        }
        return out;
    }

    @Test
    void runsBothPhasesWithCanonicalMetrics() throws Exception {
        TokenTrainer t = new TokenTrainer(tiny(3, 2, 1), dir);
        List<StepRecord> records = new CopyOnWriteArrayList<>();
        t.addListener(records::add);
        t.start();
        assertThat(t.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(t.state()).as(String.valueOf(t.failure())).isEqualTo(RunState.FINISHED);
        assertThat(records).extracting(StepRecord::phase).containsExactly("warm_start", "warm_start", "warm_start",
                "grpo", "grpo");
        StepRecord g = records.get(4);
        assertThat(g.scalars()).containsKeys("reward/mean", "reward/std_batch", "reward/frac_zero_std", "adv/mean",
                "adv/absmean", "ratio/mean", "ratio/p99", "clip/frac_high", "clip/frac_low", "clip/frac_region",
                "clip/frac_dual", "kl/old_k1", "kl/ref", "entropy/token_mean", "entropy/p90", "grad/norm",
                "loss/policy", "loss/total", "len/mean", "len/clip_ratio", "len/correct_mean", "lr",
                "timing_s/gen", "timing_s/update_actor", "timing_s/step", "perf/throughput");
        assertThat(g.histograms()).containsKeys("adv", "log_ratio", "entropy");
        double[] edges = g.histograms().get("log_ratio").edges();
        assertThat(edges).contains(Math.log(0.8), Math.log(1.2));
        assertThat(g.layerGradNorms()).containsOnlyKeys("embed", "layer0", "head");
        assertThat(g.samples()).hasSize(12);
        assertThat(g.scalar("grad/norm")).isPositive().isFinite();
        assertThat(records.get(0).scalar("warm_start/loss")).isPositive();
        assertThat(t.lastBatch().rows()).isEqualTo(12);
        t.close();
    }

    @Test
    void sameSeedSameMetricsAndNoArraysLeak() throws Exception {
        List<List<Map<String, Double>>> runs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            try (TokenTrainer t = paused(tiny(2, 10, 5))) {
                List<Map<String, Double>> m = drive(t, 1, 3);
                int arrays = eng(t, () -> t.runManager().getManagedArrays().size());
                m.addAll(drive(t, 4, 3));
                assertThat(eng(t, () -> t.runManager().getManagedArrays().size())).isEqualTo(arrays);
                runs.add(m);
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void checkpointRestoreContinuesBitForBit() throws Exception {
        try (TokenTrainer a = paused(tiny(2, 10, 9)); TokenTrainer b = paused(tiny(2, 10, 9))) {
            drive(a, 1, 3);
            eng(a, () -> {
                a.saveState(dir.resolve("ck"));
                return null;
            });
            List<Map<String, Double>> expected = drive(a, 4, 2);
            eng(b, () -> {
                b.loadState(dir.resolve("ck"));
                return null;
            });
            assertThat(drive(b, 4, 2)).isEqualTo(expected);
        }
    }

    @Test
    void replayLeavesWeightsAloneAndNonFiniteStepsAreSkipped() throws Exception {
        try (TokenTrainer t = paused(tiny(1, 10, 3))) {
            drive(t, 1, 2);
            TokenBatch last = t.lastBatch();
            float[] adv = new float[last.rows()];
            for (int i = 0; i < adv.length; i++) {
                adv[i] = i % 2 == 0 ? 1f : -1f;
            }
            TokenBatch b = new TokenBatch(last.promptLength(), last.tokens(), last.mask(), last.prompts(),
                    last.completions(), last.rewards(), last.correct(), last.groupIds(), adv, last.oldLogProbs(),
                    last.refLogProbs(), null, null, last.entropy(), null);
            float[] before = eng(t, () -> t.policyParams().get(2).array().toFloatArray());
            GradientReplay.Report rep = eng(t, () -> t.recomputeGradients(b, t.lossSettings(), true));
            assertThat(eng(t, () -> t.policyParams().get(2).array().toFloatArray())).containsExactly(before);
            assertThat(rep.globalNorm()).isPositive().isFinite();
            assertThat(rep.layerNorms()).containsKeys("embed", "layer0", "head");
            assertThat(rep.perSampleNorms()).hasSize(b.rows());
            assertThat(java.util.Arrays.stream(rep.perSampleNorms()).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
            GradientReplay.Report again = eng(t, () -> t.recomputeGradients(b, t.lossSettings(), false));
            assertThat(again.globalNorm()).isEqualTo(rep.globalNorm());

            StepRecord[] steps = eng(t, () -> {
                t.restoreLive(LiveParam.LR, 1e30);
                return new StepRecord[] {t.runStep(3), t.runStep(4), t.runStep(5)};
            });
            assertThat(List.of(steps).stream().flatMap(s -> s.events().stream()).map(e -> e.type()))
                    .contains(EventType.NON_FINITE);
        }
    }
}
