package io.grposcope.plugins.mixgrpo;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.engine.flow.FlowTestConfigs;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MixGRPO inside a real flow run (N = 6, so K_max = 4): each GRPO step trains exactly the scheduled window. */
class MixGrpoRunTest {
    private static final Pattern STEP_METRIC = Pattern.compile("t(\\d+)/ratio/mean");

    @Test
    void trainedStepsFollowTheSlidingWindow(@TempDir Path dir) throws Exception {
        List<StepRecord> grpo = new CopyOnWriteArrayList<>();
        Map<String, Object> params = Map.of("window_size", 2, "iters_per_group", 1, "stride", 1, "roll_back", true);
        try (EngineLoop run = TrainingRuns.create(FlowTestConfigs.small(MixGrpoProvider.ID, params, 20, 5), dir)) {
            run.addListener(r -> {
                if (r.phase().equals(StepRecord.PHASE_GRPO)) {
                    grpo.add(r);
                }
            });
            run.start();
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
        }
        // starts 0, 1, 2, 3 (the last cut at K_max = 4), then rolled back to 0
        List<List<Integer>> windows = List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3), List.of(0, 1));
        assertThat(grpo).hasSize(5);
        for (int i = 0; i < 5; i++) {
            StepRecord r = grpo.get(i);
            TreeSet<Integer> trained = new TreeSet<>();
            for (String key : r.scalars().keySet()) {
                Matcher m = STEP_METRIC.matcher(key);
                if (m.matches()) {
                    trained.add(Integer.parseInt(m.group(1)));
                }
            }
            assertThat(trained).as("GRPO step %d: per-step metrics only for the window", i)
                    .containsExactlyElementsOf(windows.get(i));
            assertThat(r.scalar("flow/window_start")).isEqualTo(windows.get(i).get(0).doubleValue());
            assertThat(r.scalar("flow/trained_steps")).isEqualTo((double) windows.get(i).size());
            assertThat(r.scalar("loss/total")).isFinite();
            assertThat(r.scalar("grad/norm")).isFinite().isPositive();
        }
    }
}
