package io.grposcope.core.algo.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** methods-spec §9.11 (one-dimensional steps) and §9.13 (SD3.5 10-step grid). */
class FlowStepsTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static NDArray one(NDManager m, double v) {
        return m.create(new double[] {v}, new Shape(1, 1));
    }

    private static NDArray row(NDManager m, double v) {
        return m.create(new double[] {v});
    }

    private static double get(NDArray a) {
        return a.toDoubleArray()[0];
    }

    @Test
    void flowSdeMatchesWorkedNumbers() {
        try (NDManager m = manager.newSubManager()) {
            StepResult r = FlowSteps.flowSde(one(m, 1.0), one(m, 0.5), row(m, 0.8), row(m, 0.7), 0.7, 0.96,
                    one(m, 0.9), null);
            assertThat(get(r.stdDevT())).isCloseTo(1.4, within(1e-9));
            assertThat(get(r.mean())).isCloseTo(0.81525, within(1e-9));
            assertThat(get(r.transitionStd())).isCloseTo(0.442719, within(1e-6));
            assertThat(get(r.logProb())).isCloseTo(-0.122441, within(1e-6));
        }
    }

    @Test
    void odeCpsAndDanceMatchWorkedNumbers() {
        try (NDManager m = manager.newSubManager()) {
            assertThat(get(FlowSteps.ode(one(m, 1.0), one(m, 0.5), row(m, 0.8), row(m, 0.7))))
                    .isCloseTo(0.95, within(1e-12));
            StepResult cps = FlowSteps.cps(one(m, 1.0), one(m, 0.5), row(m, 0.8), row(m, 0.7), 0.7,
                    one(m, 0.9), null);
            assertThat(get(cps.transitionStd())).isCloseTo(0.623705, within(1e-6));
            assertThat(get(cps.mean())).isCloseTo(0.529573, within(1e-6));
            assertThat(get(cps.logProb())).isCloseTo(-0.137216, within(1e-6));
            StepResult dance = FlowSteps.dance(one(m, 1.0), one(m, 0.5), row(m, 0.8), row(m, 0.7), 0.3, false,
                    one(m, 0.9), null);
            assertThat(get(dance.mean())).isCloseTo(0.943813, within(1e-6));
            assertThat(get(dance.transitionStd())).isCloseTo(0.094868, within(1e-6));
        }
    }

    @Test
    void firstStepUsesSecondSigmaSoTauEqualsNoiseLevel() {
        double[] sigmas = SigmaSchedule.sd3(10, 3.0);
        try (NDManager m = manager.newSubManager()) {
            StepResult r = FlowSteps.flowSde(one(m, 0.3), one(m, -0.2), row(m, 1.0), row(m, sigmas[1]), 0.7,
                    sigmas[1], null, one(m, 0.0));
            assertThat(get(r.transitionStd())).isCloseTo(0.7, within(1e-12));
            assertThat(Double.isFinite(get(r.logProb()))).isTrue();
        }
    }

    @Test
    void sd3GridAndTransitionStdsMatchWorkedNumbers() {
        double[] sigmas = SigmaSchedule.sd3(10, 3.0);
        double[] expected = {1, 0.96013, 0.91335, 0.85769, 0.79037, 0.70728, 0.60215, 0.46488, 0.27805, 0.00893, 0};
        assertThat(sigmas).containsExactly(expected, within(5e-6));
        double[] tau = SigmaSchedule.transitionStds(sigmas, 0.7);
        double[] tauExpected = {0.7, 0.7430, 0.5362, 0.4459, 0.3918, 0.3528, 0.3191, 0.2820, 0.2254, 0.0063};
        assertThat(tau).containsExactly(tauExpected, within(5e-5));
        double mean = 0;
        for (int k = 0; k < 9; k++) {
            mean += tau[k] / 9;
        }
        assertThat(mean).isCloseTo(0.444005, within(1e-6));
        assertThat(1 / mean).isCloseTo(2.2522, within(1e-4));
    }

    @Test
    void logProbIsMeanNotSumOverDimensions() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(new double[] {1.0, 1.0}, new Shape(1, 2));
            NDArray v = m.create(new double[] {0.5, 0.5}, new Shape(1, 2));
            NDArray prev = m.create(new double[] {0.9, 0.9}, new Shape(1, 2));
            StepResult r = FlowSteps.flowSde(x, v, row(m, 0.8), row(m, 0.7), 0.7, 0.96, prev, null);
            assertThat(get(r.logProb())).isCloseTo(-0.122441, within(1e-6));
        }
    }
}
