package io.grposcope.plugins.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowStepContext;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GrpoGuardTest {

    /** Spec §9.12: the old policy is §9.11's step, μ_θ = μ_old + 0.01. */
    @Test
    void ratioNormMatchesSpec912() {
        FlowSchedule s = FlowSchedule.of(new double[] {0.8, 0.7, 0.0}, 0.7);
        try (NDManager m = NDManager.newBaseManager()) {
            double tau = s.tau(0);
            NDArray oldMean = m.create(new double[] {0.81525}).reshape(1, 1);
            NDArray mean = oldMean.add(0.01);
            NDArray next = m.create(new double[] {0.9}).reshape(1, 1);
            FlowStepContext ctx = new FlowStepContext(0, logProb(next, mean, tau), logProb(next, oldMean, tau), mean,
                    oldMean, s.sigmaT(0), s.deltaT(0), tau);
            assertThat(ctx.rawLogRatio().toDoubleArray()[0]).isCloseTo(0.004069, within(1e-6));
            double normalised = new RatioNorm().logRatio(ctx).toDoubleArray()[0];
            assertThat(normalised).isCloseTo(0.001914, within(1e-6));
            double xi = (0.9 - 0.81525) / tau;
            assertThat(normalised).isCloseTo(xi * 0.01, within(1e-12));
        }
    }

    /** log ŵ = mean_dims(ξ ⊙ (μ_θ − μ_old)) on random multi-dimensional rows. */
    @Test
    void ratioNormEqualsMeanOfNoiseTimesMeanShift() {
        Random rng = new Random(3);
        double tau = 0.2254;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray oldMean = gaussian(m, rng, 5, 7, 1.0);
            NDArray xi = gaussian(m, rng, 5, 7, 1.0);
            NDArray shift = gaussian(m, rng, 5, 7, 0.05);
            NDArray mean = oldMean.add(shift);
            NDArray next = oldMean.add(xi.mul(tau));
            FlowStepContext ctx = new FlowStepContext(8, logProb(next, mean, tau), logProb(next, oldMean, tau), mean,
                    oldMean, 1.0, 0.05, tau);
            double[] got = new RatioNorm().logRatio(ctx).toDoubleArray();
            double[] want = xi.mul(shift).mean(new int[] {1}).toDoubleArray();
            double[] raw = ctx.rawLogRatio().toDoubleArray();
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).isCloseTo(want[i], within(1e-12));
                assertThat(raw[i]).as("raw ratio is not the normalised one").isNotCloseTo(want[i], within(1e-6));
            }
        }
    }

    @Test
    void inverseDtWeightsAndSwitches() {
        FlowSchedule s = FlowSchedule.sd3(10, 3.0, 0.7);
        int[] trained = s.trainedSteps(0.99);
        assertThat(new InverseDtWeighting(false).weight(8, s, trained)).isCloseTo(1 / (s.sigma(8) - s.sigma(9)),
                within(1e-12));
        double mean = 0;
        for (int k : trained) {
            mean += new InverseDtWeighting(true).weight(k, s, trained) / trained.length;
        }
        assertThat(mean).isCloseTo(1.0, within(1e-12));

        GrpoGuardProvider p = new GrpoGuardProvider();
        FlowMethod both = p.createFlow(MethodRegistry.validate(p, Map.of()));
        assertThat(both.ratio()).isInstanceOf(RatioNorm.class);
        assertThat(both.weighting()).isInstanceOf(InverseDtWeighting.class);
        FlowMethod none = p.createFlow(MethodRegistry.validate(p, Map.of("ratio_norm", false, "dt_reweight", "false")));
        assertThat(none.ratio()).isNull();
        assertThat(none.weighting()).isNull();
    }

    @Test
    void discoveredByServiceLoaderAndRegistry() {
        assertThat(ServiceLoader.load(FlowMethodProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(GrpoGuardProvider.class);
        assertThat(MethodRegistry.builtin().find(GrpoGuardProvider.ID)).isPresent();
    }

    /** The Flow-SDE Gaussian log-density (mean over dims) of next under N(mean, τ²), μ given directly. */
    private static NDArray logProb(NDArray next, NDArray mean, double tau) {
        NDArray lp = next.sub(mean).square().neg().div(2 * tau * tau).sub(Math.log(tau) + 0.5 * Math.log(2 * Math.PI));
        return lp.mean(new int[] {1});
    }

    private static NDArray gaussian(NDManager m, Random rng, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian() * scale;
        }
        return m.create(v, new Shape(rows, cols));
    }
}
