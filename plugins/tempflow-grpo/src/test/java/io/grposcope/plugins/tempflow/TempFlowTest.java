package io.grposcope.plugins.tempflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.flow.ColumnAdvantages;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowRolloutRequest;
import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.SdeDraw;
import io.grposcope.core.algo.spi.flow.StepSlice;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TempFlowTest {

    /** Spec §9.13: 2.25·τ_k on the SD3.5 10-step grid, and τ_k / mean τ within 0.1 % of it. */
    @Test
    void weightsMatchSpec913() {
        FlowSchedule s = FlowSchedule.sd3(10, 3.0, 0.7);
        int[] trained = s.trainedSteps(0.99);
        double[] want = {1.575, 1.6717, 1.2063, 1.0033, 0.8815, 0.7938, 0.7179, 0.6345, 0.5071};
        double mean = 0;
        for (int k : trained) {
            assertThat(NoiseAwareWeighting.constant(2.25).weight(k, s, trained)).as("c·τ_%d", k)
                    .isCloseTo(want[k], within(2e-4));
            double rel = NoiseAwareWeighting.relative().weight(k, s, trained);
            assertThat(rel).as("τ_%d/mean τ", k).isCloseTo(want[k], within(want[k] * 1e-3 + 1e-4));
            mean += rel / trained.length;
        }
        assertThat(mean).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void branchRolloutGivesEachStepItsOwnRewardColumn() {
        FakeSampler sampler = new FakeSampler(FlowSchedule.sd3(6, 3.0, 0.7));
        int[] prompts = {0, 1};
        FlowBatch b = new BranchRollout(4, 3, false).rollout(sampler,
                new FlowRolloutRequest(prompts, 12, new int[] {0, 2, 4}, new Random(1)));
        assertThat(b.slices()).extracting(StepSlice::step).containsExactly(0, 2, 4);
        assertThat(b.finals()).hasNumberOfRows(2 * 3);
        for (StepSlice s : b.slices()) {
            assertThat(s.rows()).isEqualTo(2 * 3 * 4);
            assertThat(s.groupKeys()).containsOnly(0L, 1L);
            assertThat(s.x()[0]).isSameAs(s.x()[3]).as("E successors share their ODE state");
            ColumnAdvantages.Column c = ColumnAdvantages.of(s.rewards(), s.groupKeys(), false, 5);
            assertThat(c.groupStdMean()).isPositive();
        }
        double early = ColumnAdvantages.of(b.slices().get(0).rewards(), b.slices().get(0).groupKeys(), false, 5)
                .groupStdMean();
        double late = ColumnAdvantages.of(b.slices().get(2).rewards(), b.slices().get(2).groupKeys(), false, 5)
                .groupStdMean();
        assertThat(early).as("noise injected early spreads rewards more than late").isGreaterThan(late);

        FlowBatch seeds = new BranchRollout(4, 3, true).rollout(sampler,
                new FlowRolloutRequest(prompts, 12, new int[] {1}, new Random(1)));
        assertThat(seeds.slices().get(0).groupKeys()).containsOnly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void providerBuildsTheConfiguredHooks() {
        TempFlowProvider p = new TempFlowProvider();
        FlowMethod m = p.createFlow(MethodRegistry.validate(p, Map.of("weighting", "constant", "group_by", "prompt_seed")));
        assertThat(m.rollout()).isEqualTo(new BranchRollout(4, 3, true));
        assertThat(m.weighting()).isEqualTo(NoiseAwareWeighting.constant(2.25));
        assertThat(p.createFlow(MethodRegistry.validate(p, Map.of("weighting", "none"))).weighting()).isNull();
        assertThat(MethodRegistry.builtin().find(TempFlowProvider.ID)).isPresent();
    }

    /** A 1-D linear flow: velocity −x pulls towards 0; reward is the final x; SDE noise is the schedule's τ. */
    private static final class FakeSampler implements FlowSampler {
        private final FlowSchedule schedule;

        FakeSampler(FlowSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public FlowSchedule schedule() {
            return schedule;
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public float[][] initialNoise(int rows, Random rng) {
            float[][] x = new float[rows][1];
            for (float[] r : x) {
                r[0] = (float) rng.nextGaussian();
            }
            return x;
        }

        @Override
        public float[][] odeStep(float[][] x, int[] prompts, int step) {
            float[][] out = new float[x.length][1];
            for (int i = 0; i < x.length; i++) {
                out[i][0] = (float) (x[i][0] - x[i][0] * schedule.dt(step));
            }
            return out;
        }

        @Override
        public SdeDraw sdeStep(float[][] x, int[] prompts, int step, Random rng) {
            float[][] mean = odeStep(x, prompts, step);
            float[][] next = new float[x.length][1];
            float[] lp = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double xi = rng.nextGaussian();
                next[i][0] = (float) (mean[i][0] + schedule.tau(step) * xi);
                lp[i] = (float) (-0.5 * xi * xi - Math.log(schedule.tau(step)));
            }
            return new SdeDraw(next, mean, lp);
        }

        @Override
        public float[] reward(float[][] x, int[] prompts) {
            float[] r = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = x[i][0];
            }
            return r;
        }
    }
}
