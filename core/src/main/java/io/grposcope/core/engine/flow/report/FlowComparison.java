package io.grposcope.core.engine.flow.report;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs several flow methods one after another with the same seed, task, pretraining and budget, keeping each
 * run's GRPO step records in memory for the report.
 */
public final class FlowComparison {
    private FlowComparison() {
    }

    /** Same settings for every method: seed, steps, G, prompts, ε, lr, β, minibatches. */
    public static RunConfig baseConfig(int steps, int pretrainSteps, long seed) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(RunConfig.SCHEMA_VERSION, "flow-report", new RunConfig.TaskConfig("flow", "point_modes", 1),
                d.policy(), new RunConfig.MethodConfig("flow_grpo", Map.of()), new RunConfig.RolloutConfig(4, 12, 1, 1, 0),
                new RunConfig.OptimizerConfig(1e-3, 0.9, 0.999, 1e-8, 0, 1.0, 0, "constant"),
                new RunConfig.PpoConfig(1, 4, 0.01, 0.01, 3.0, "token-mean", 0), new RunConfig.KlConfig(0.01, "k2"),
                new RunConfig.WarmStartConfig(0, 2e-3, 256),
                new RunConfig.FlowConfig(10, 3.0, 0.7, 0.99, pretrainSteps, 64, 5.0, "SIGMA_T_SQ"),
                new RunConfig.MetricsConfig(true, 40, 0.2, 16), seed, "cpu", steps);
    }

    /** method id → its GRPO step records; {@code progress} hears every GRPO record. */
    public static Map<String, List<StepRecord>> run(RunConfig base, List<String> methods, Path workDir,
                                                    Consumer<String> progress) throws InterruptedException {
        Map<String, List<StepRecord>> out = new LinkedHashMap<>();
        for (String id : methods) {
            RunConfig cfg = withMethod(base, id);
            List<StepRecord> records = new CopyOnWriteArrayList<>();
            try (EngineLoop run = TrainingRuns.create(cfg, workDir.resolve(id))) {
                run.addListener(r -> {
                    if (StepRecord.PHASE_GRPO.equals(r.phase())) {
                        records.add(r);
                        progress.accept(String.format(java.util.Locale.ROOT, "%s step %.0f reward %.3f", id,
                                r.scalar("grpo/step"), r.scalar("reward/mean")));
                    }
                });
                run.start();
                run.awaitTermination();
                if (run.failure() != null) {
                    throw new IllegalStateException("flow report: run of " + id + " failed", run.failure());
                }
            }
            out.put(id, new ArrayList<>(records));
        }
        return out;
    }

    static RunConfig withMethod(RunConfig c, String id) {
        return new RunConfig(c.schemaVersion(), c.name() + "-" + id, c.task(), c.policy(),
                new RunConfig.MethodConfig(id, Map.of()), c.rollout(), c.optimizer(), c.ppo(), c.kl(), c.warmStart(),
                c.flow(), c.metrics(), c.seed(), c.device(), c.steps());
    }
}
