package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run (single-digit addition, vanilla GRPO) learns: after the warm start, the mean reward of the last
 * 20 of 100 GRPO steps beats the first 20 by more than 0.04 (measured: +0.10 with seed 42, +0.13 with seed 1), and
 * is above 0.4 in absolute terms (an untrained policy scores about 0.02). About 25 s of CPU.
 */
class TokenLearningTest {

    @TempDir
    Path dir;

    @Test
    void defaultRunImprovesRewardUnderGrpo() throws Exception {
        List<Double> rewards = new CopyOnWriteArrayList<>();
        try (EngineLoop run = TrainingRuns.create(RunConfig.defaults().withSteps(100).withSeed(42), dir)) {
            run.addListener(r -> {
                if (StepRecord.PHASE_GRPO.equals(r.phase())) {
                    rewards.add(r.scalar("reward/mean"));
                }
            });
            run.start();
            assertThat(run.awaitTermination(60, TimeUnit.MINUTES)).isTrue();
            assertThat(run.state()).as(String.valueOf(run.failure())).isEqualTo(RunState.FINISHED);
        }
        double first = mean(rewards.subList(0, 20));
        double last = mean(rewards.subList(80, 100));
        assertThat(last).as("reward first 20 GRPO steps %.3f, last 20 %.3f", first, last).isGreaterThan(first + 0.04);
        assertThat(last).isGreaterThan(0.4);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
