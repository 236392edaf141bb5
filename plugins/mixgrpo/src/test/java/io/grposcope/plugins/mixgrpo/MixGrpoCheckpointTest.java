package io.grposcope.plugins.mixgrpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.engine.flow.FlowTestConfigs;
import io.grposcope.core.engine.flow.FlowTrainer;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A run saved after 2 GRPO steps and resumed trains the same windows as an uninterrupted one (no hidden state). */
class MixGrpoCheckpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"progressive", "random"})
    void resumedRunTrainsTheSameWindows(String strategy, @TempDir Path dir) throws Exception {
        Map<String, Object> params = Map.of("strategy", strategy, "window_size", 2, "iters_per_group", 1);
        List<StepRecord> straight = run(params, dir.resolve("a"), 4, null, null);
        Path ckpt = dir.resolve("ckpt");
        run(params, dir.resolve("b"), 2, ckpt, null);
        List<StepRecord> resumed = run(params, dir.resolve("c"), 4, null, ckpt);

        assertThat(resumed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            StepRecord want = straight.get(2 + i);
            StepRecord got = resumed.get(i);
            assertThat(got.scalar("flow/window_start")).as("window at GRPO step %d", 2 + i)
                    .isEqualTo(want.scalar("flow/window_start"));
            assertThat(got.scalar("flow/trained_steps")).isEqualTo(want.scalar("flow/trained_steps"));
            assertThat(got.scalar("reward/mean")).isCloseTo(want.scalar("reward/mean"),
                    within(1e-4 * Math.max(1e-3, Math.abs(want.scalar("reward/mean")))));
        }
        if (strategy.equals("progressive")) {
            assertThat(straight).extracting(r -> r.scalar("flow/window_start")).containsExactly(0.0, 1.0, 2.0, 3.0);
        }
    }

    private static List<StepRecord> run(Map<String, Object> params, Path work, int steps, Path save, Path load)
            throws Exception {
        List<StepRecord> grpo = new CopyOnWriteArrayList<>();
        try (EngineLoop run = TrainingRuns.create(FlowTestConfigs.small(MixGrpoProvider.ID, params, 20, steps), work)) {
            run.addListener(r -> {
                if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                    grpo.add(r);
                }
            });
            if (load != null) {
                run.pause();
            }
            run.start();
            if (load != null) {
                run.runOnEngine(() -> {
                    ((FlowTrainer) run).loadState(load);
                    return null;
                }).get(60, TimeUnit.SECONDS);
                run.resume();
            }
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
            if (save != null) {
                run.runOnEngine(() -> {
                    ((FlowTrainer) run).saveState(save);
                    return null;
                }).get(60, TimeUnit.SECONDS);
            }
        }
        return grpo;
    }
}
