package io.grposcope.plugins.tempflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** TempFlow-GRPO inside a real flow run: noise-aware weights averaging 1 and a reward spread per step column. */
class TempFlowRunTest {

    @Test
    void tempFlowRunsInTheFlowTrainer(@TempDir Path dir) throws Exception {
        List<StepRecord> grpo = new CopyOnWriteArrayList<>();
        Map<String, Object> params = Map.of("branches", 2, "seeds", 2);
        try (EngineLoop run = TrainingRuns.create(config(TempFlowProvider.ID, params), dir)) {
            run.addListener(r -> {
                if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                    grpo.add(r);
                }
            });
            run.start();
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
        }
        StepRecord r = grpo.get(1);
        double sum = 0;
        for (int k = 0; k < 5; k++) {
            sum += r.scalar("t" + k + "/weight");
            assertThat(r.scalar("t" + k + "/reward/std_group_mean")).isFinite().isNotNegative();
            assertThat(r.histograms().get("t" + k + "/log_ratio").count()).as("4 prompts × 2 seeds × 2 branches")
                    .isEqualTo(16);
        }
        assertThat(sum / 5).isCloseTo(1.0, within(1e-9));
        assertThat(r.scalar("t0/weight")).isGreaterThan(r.scalar("t4/weight"));
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
