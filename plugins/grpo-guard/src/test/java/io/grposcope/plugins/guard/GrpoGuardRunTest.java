package io.grposcope.plugins.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GRPO-Guard inside a real flow run: 1/Δt weights and a normalised ratio that differs from the raw one. */
class GrpoGuardRunTest {

    @Test
    void guardRunsInTheFlowTrainer(@TempDir Path dir) throws Exception {
        List<StepRecord> grpo = new CopyOnWriteArrayList<>();
        try (EngineLoop run = TrainingRuns.create(config(GrpoGuardProvider.ID, Map.of()), dir)) {
            run.addListener(r -> {
                if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                    grpo.add(r);
                }
            });
            run.start();
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
        }
        FlowSchedule s = FlowSchedule.sd3(6, 3.0, 0.7);
        StepRecord r = grpo.get(1);
        String state = "reward " + r.scalar("reward/mean") + ", events " + r.events();
        for (int k = 0; k < 5; k++) {
            assertThat(r.scalar("t" + k + "/weight")).isCloseTo(1 / s.deltaT(k), within(1e-9));
            assertThat(r.scalars()).containsKeys("t" + k + "/ratio/std", "t" + k + "/ratio_raw/std");
        }
        // the second minibatch is off-policy; at the low-noise step ŵ = exp(τ·(Δlogp + b)) is the narrower one
        assertThat(r.scalar("t4/ratio_raw/std")).as("off-policy spread (%s)", state).isPositive();
        assertThat(r.scalar("t4/ratio/std")).as("normalised vs raw spread (%s)", state)
                .isLessThan(r.scalar("t4/ratio_raw/std"));
    }

    private static RunConfig config(String method, Map<String, Object> params) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(RunConfig.SCHEMA_VERSION, "plugin-run-" + method,
                new RunConfig.TaskConfig("flow", "point_modes", 1), d.policy(), new RunConfig.MethodConfig(method, params),
                new RunConfig.RolloutConfig(4, 4, 1.0, 1.0, 0),
                new RunConfig.OptimizerConfig(1e-3, 0.9, 0.999, 1e-8, 0, 1.0, 0, "constant"),
                new RunConfig.PpoConfig(1, 2, 0.05, 0.05, 3.0, "token-mean", 0), new RunConfig.KlConfig(0.01, "k2"),
                new RunConfig.WarmStartConfig(0, 2e-3, 256),
                new RunConfig.FlowConfig(6, 3.0, 0.7, 0.99, 40, 32, 5.0, "SIGMA_T_SQ"),
                new RunConfig.MetricsConfig(true, 16, 0.5, 8), 11L, "cpu", 2);
    }
}
