package io.grposcope.plugins.dapo;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAPO in a real token run (tiny transformer, addition): dynamic sampling and the length penalty take effect. */
class DapoRunTest {

    @Test
    void dapoHooksRunInTheTokenTrainer(@TempDir Path dir) throws Exception {
        List<StepRecord> grpo = new CopyOnWriteArrayList<>();
        // L_max 5, L_cache 4: every completion longer than 1 token (an answer plus EOS) is punished
        RunConfig c = config(Map.of("l_cache", 4, "max_gen_batches", 20));
        try (EngineLoop run = TrainingRuns.create(c, dir)) {
            run.addListener(r -> {
                if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                    grpo.add(r);
                }
            });
            run.start();
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
        }
        assertThat(grpo).hasSize(3);
        for (StepRecord r : grpo) {
            String state = "step " + r.step() + ": " + r.scalars();
            assertThat(r.scalar("train/num_gen_batches")).as(state).isBetween(1.0, 20.0);
            assertThat(r.scalar("sample/kept_frac")).as(state).isGreaterThan(0).isLessThanOrEqualTo(1);
            // only informative groups are trained on, and the lengths cost reward
            assertThat(r.scalar("reward/frac_zero_std")).as(state).isZero();
            assertThat(r.scalar("reward/shaped_mean")).as(state).isLessThan(r.scalar("reward/mean"));
            assertThat(r.scalars()).containsKeys("clip/frac_high", "clip/frac_low", "grad/norm");
        }
        // a barely warmed-up policy answers most prompts all wrong: some step needs a second generation round
        assertThat(grpo).anySatisfy(r -> assertThat(r.scalar("train/num_gen_batches")).isGreaterThan(1));
    }

    /** TokenTrainerDebugTest.tiny's model and rollout (3 prompts × 4, 5 new tokens), a short warm start. */
    private static RunConfig config(Map<String, Object> params) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(d.schemaVersion(), "dapo-tiny", new RunConfig.TaskConfig("token", "addition", 1),
                new RunConfig.PolicyConfig(32, 2, 1, 16), new RunConfig.MethodConfig("dapo", params),
                new RunConfig.RolloutConfig(3, 4, 1.0, 1.0, 5), d.optimizer(),
                new RunConfig.PpoConfig(1, 2, 0.2, 0.2, 3.0, "token-mean", 0.0), d.kl(),
                new RunConfig.WarmStartConfig(30, 1e-3, 16), d.flow(), d.metrics(), 5, "cpu", 3);
    }
}
