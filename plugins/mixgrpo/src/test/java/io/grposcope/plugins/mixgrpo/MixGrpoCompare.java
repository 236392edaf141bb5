package io.grposcope.plugins.mixgrpo;

import io.grposcope.core.config.ConfigLoader;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: runs flow configs and prints the fixed-seed eval reward every 10 GRPO steps, mean rollout and update
 * times and the window starts (the numbers in docs/plugins/mixgrpo.md). Arguments: {@code FILE[#param=value,...]};
 * the part after '#' overrides {@code method.params}, e.g. {@code flow-mixgrpo.yaml#strategy=random}.
 */
public final class MixGrpoCompare {
    private MixGrpoCompare() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            RunConfig c = config(arg);
            List<StepRecord> grpo = new CopyOnWriteArrayList<>();
            try (EngineLoop run = TrainingRuns.create(c, Files.createTempDirectory("mixgrpo-compare"))) {
                run.addListener(r -> {
                    if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                        grpo.add(r);
                    }
                });
                run.start();
                if (!run.awaitTermination(600, TimeUnit.SECONDS) || run.failure() != null) {
                    throw new IllegalStateException(arg + ": run did not finish: " + run.failure());
                }
            }
            System.out.println(summary(arg, grpo));
        }
    }

    private static RunConfig config(String arg) {
        String[] parts = arg.split("#", 2);
        RunConfig c = new ConfigLoader(Set.of("grpo", "flow_grpo", MixGrpoProvider.ID)).load(Path.of(parts[0]));
        if (parts.length == 1) {
            return c;
        }
        Map<String, Object> params = new LinkedHashMap<>(c.method().params() == null ? Map.of() : c.method().params());
        for (String kv : parts[1].split(",")) {
            String[] p = kv.split("=", 2);
            params.put(p[0], value(p[1]));
        }
        return new RunConfig(c.schemaVersion(), c.name(), c.task(), c.policy(),
                new RunConfig.MethodConfig(c.method().id(), params), c.rollout(), c.optimizer(), c.ppo(), c.kl(),
                c.warmStart(), c.flow(), c.metrics(), c.seed(), c.device(), c.steps());
    }

    private static Object value(String s) {
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static String summary(String arg, List<StepRecord> grpo) {
        StringBuilder evals = new StringBuilder();
        StringBuilder starts = new StringBuilder();
        double rollout = 0;
        double update = 0;
        for (StepRecord r : grpo) {
            rollout += r.scalar("timing_s/rollout");
            update += r.scalar("timing_s/update");
            Double start = r.scalars().get("flow/window_start");
            starts.append(start == null ? "" : String.valueOf(start.intValue()));
            if (r.scalars().containsKey("eval/reward/mean")) {
                evals.append(String.format(" %.0f:%.4f", r.scalar("eval/grpo_step"), r.scalar("eval/reward/mean")));
            }
        }
        return String.format("%s: %d GRPO steps, mean rollout %.4f s, mean update %.4f s%n  eval/reward/mean%s%n"
                + "  window starts %s", arg, grpo.size(), rollout / grpo.size(), update / grpo.size(), evals, starts);
    }
}
