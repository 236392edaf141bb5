package io.grposcope.core.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.grposcope.core.control.RunState;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.flow.VelocityNet;
import io.grposcope.core.task.flow.PointModesTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowTrainerTest {

    @Test
    void pretrainingLowersTheFlowMatchingLoss() {
        PointModesTask task = PointModesTask.standard();
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setNumThreads(1);
            VelocityNet net = VelocityNet.create(m, 2, task.prompts(), 32, 3);
            FlowPretrainer p = new FlowPretrainer(m, net, task);
            Random rng = new Random(5);
            double first = 0;
            double last = 0;
            for (int i = 0; i < 150; i++) {
                double loss = p.step(rng, 128, 3e-3, 1.0)[0];
                first += i < 15 ? loss / 15 : 0;
                last += i >= 135 ? loss / 15 : 0;
            }
            assertThat(last).as("FM loss after 150 steps vs first 15").isLessThan(0.85 * first);
            assertThat(m.getManagedArrays()).as("step arrays are released").hasSize(net.parameters().size());
        }
    }

    @Test
    void fewStepFlowGrpoRunReportsPerTimestepMetrics(@TempDir Path dir) throws Exception {
        List<StepRecord> records = new CopyOnWriteArrayList<>();
        try (EngineLoop run = TrainingRuns.create(FlowTestConfigs.small("flow_grpo", Map.of(), 60, 3), dir)) {
            assertThat(run).isInstanceOf(FlowTrainer.class);
            run.addListener(records::add);
            run.start();
            assertThat(run.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.failure()).isNull();
            assertThat(run.state()).isEqualTo(RunState.FINISHED);
        }
        List<StepRecord> grpo = records.stream().filter(r -> r.phase().equals(StepRecord.PHASE_GRPO)).toList();
        assertThat(records).hasSize(63);
        assertThat(grpo).hasSize(3);
        for (StepRecord r : grpo) {
            double share = 0;
            for (int k = 0; k < 5; k++) {
                String p = "t" + k + "/";
                assertThat(r.scalars()).containsKeys(p + "ratio/mean", p + "ratio/std", p + "clip/frac_high",
                        p + "clip/frac_low", p + "clip/frac_abs_gt_eps", p + "loss", p + "grad/norm", p + "kl/ref");
                assertThat(r.histograms().get(p + "log_ratio").count()).isEqualTo(16);
                assertThat(r.scalar(p + "ratio/mean")).isFinite().isPositive();
                share += r.scalar(p + "grad/share");
            }
            assertThat(r.scalars()).doesNotContainKey("t5/ratio/mean");
            assertThat(share).isCloseTo(1.0, within(1e-9));
            assertThat(r.scalar("reward/mean")).isBetween(0.0, 1.0);
            assertThat(r.scalar("grad/norm")).isFinite().isPositive();
            assertThat(r.layerGradNorms()).containsKeys("embed", "fc1", "out");
        }
        assertThat(grpo.get(0).scalar("t0/ratio/std")).as("second minibatch is off-policy").isPositive();
        assertThat(grpo.get(0).scalar("eval/reward/mean")).isBetween(0.0, 1.0);
        assertThat(grpo.get(2).scalars()).containsKey("eval/reward/mean");
    }
}
