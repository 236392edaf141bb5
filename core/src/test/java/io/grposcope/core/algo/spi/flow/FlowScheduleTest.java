package io.grposcope.core.algo.spi.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FlowScheduleTest {

    @Test
    void sd3GridAndTransitionStdsMatchSpec913() {
        FlowSchedule s = FlowSchedule.sd3(10, 3.0, 0.7);
        double[] sigmas = {1, 0.96013, 0.91335, 0.85769, 0.79037, 0.70728, 0.60215, 0.46488, 0.27805, 0.00893, 0};
        double[] taus = {0.7, 0.7430, 0.5362, 0.4459, 0.3918, 0.3528, 0.3191, 0.2820, 0.2254, 0.0063};
        for (int k = 0; k <= 10; k++) {
            assertThat(s.sigma(k)).as("sigma %d", k).isCloseTo(sigmas[k], within(1e-5));
        }
        double mean = 0;
        for (int k = 0; k < 10; k++) {
            assertThat(s.tau(k)).as("tau %d", k).isCloseTo(taus[k], within(1e-4));
            mean += k < 9 ? s.tau(k) / 9 : 0;
        }
        assertThat(mean).isCloseTo(0.444005, within(1e-5));
        assertThat(s.sigmaT(0)).as("σ=1 uses σ_1 in the denominator").isCloseTo(0.7 / Math.sqrt(1 - s.sigma(1)), within(1e-12));
    }

    @Test
    void sdeScalarsOfSpec911() {
        FlowSchedule s = FlowSchedule.of(new double[] {0.8, 0.7, 0.0}, 0.7);
        assertThat(s.sigmaT(0)).isCloseTo(1.4, within(1e-12));
        assertThat(s.dt(0)).isCloseTo(-0.1, within(1e-12));
        assertThat(s.tau(0)).isCloseTo(0.442719, within(1e-6));
    }

    @Test
    void trainedStepsFollowFractionAndWindow() {
        FlowSchedule s = FlowSchedule.sd3(10, 3.0, 0.7);
        assertThat(s.trainedSteps(0.99)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(s.trainedSteps(0.5)).containsExactly(0, 1, 2, 3, 4);
        int[] w = FlowTimestepSelector.window(2, 0, 5).select(s, 0.99, new java.util.Random(1));
        assertThat(w).hasSize(2);
        assertThat(w[0]).isBetween(0, 3);
        assertThat(w[1]).isEqualTo(w[0] + 1);
    }

    @Test
    void columnAdvantagesUsePopulationStdAndClip() {
        ColumnAdvantages.Column c = ColumnAdvantages.of(new float[] {1, 0, 0, 1}, new long[] {0, 0, 0, 0}, false, 5);
        assertThat(c.advantages()).containsExactly(new float[] {0.9998f, -0.9998f, -0.9998f, 0.9998f}, within(1e-6f));
        ColumnAdvantages.Column two = ColumnAdvantages.of(new float[] {1, 0, 3, 3}, new long[] {0, 0, 1, 1}, false, 5);
        assertThat(two.advantages()[2]).isZero();
        assertThat(two.fracZeroStd()).isEqualTo(0.5);
        ColumnAdvantages.Column global = ColumnAdvantages.of(new float[] {1, 0, 3, 3}, new long[] {0, 0, 1, 1}, true, 0.3);
        assertThat(global.advantages()[0]).isEqualTo(0.3f);
    }
}
