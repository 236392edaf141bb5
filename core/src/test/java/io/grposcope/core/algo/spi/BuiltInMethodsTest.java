package io.grposcope.core.algo.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.GroupIndex;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in methods through the SPI: Dr. GRPO differs from GRPO exactly where its paper says. */
class BuiltInMethodsTest {

    private static NDManager manager;
    private static final MethodRegistry REGISTRY = MethodRegistry.builtin();

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static LossInputs batch(NDManager m, NDArray adv) {
        NDArray logp = m.create(new double[] {-1.0, -2.0, -0.5, -3.0, -1.5, -9.0}, new Shape(2, 3));
        NDArray old = logp.add(m.create(new double[] {0.1, -0.1, 0.05, 0.0, 0.3, 0.0}, new Shape(2, 3)));
        NDArray ref = logp.sub(0.2);
        NDArray mask = m.create(new double[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
        return new LossInputs(logp, old, ref, mask, adv.expandDims(1).broadcast(2, 3).mul(mask), null,
                GroupIndex.ofIds(0, 0));
    }

    @Test
    void drGrpoUsesMeanCentredAdvantagesConstantNormaliserAndNoKl() {
        Method dr = REGISTRY.resolve("dr_grpo", Map.of());
        try (NDManager m = manager.newSubManager()) {
            NDArray r = m.create(new double[] {1, 0, 0, 1});
            assertThat(dr.advantageEstimator().estimate(r, GroupIndex.contiguous(4, 4)).toDoubleArray())
                    .containsExactly(0.5, -0.5, -0.5, 0.5);
            LossInputs in = batch(m, m.create(new double[] {0.5, -0.5}));
            LossSettings s = LossSettings.defaults().withKlBeta(0.5);
            LossTerms t = dr.loss(in, s);
            assertThat(t.regularizer()).isNull();
            double sum = t.perTokenLoss().mul(in.mask()).sum().getDouble();
            assertThat(t.total().getDouble()).isCloseTo(sum / 3.0, within(1e-12));
        }
    }

    @Test
    void drGrpoTrlDivisorDividesByBatchTimesConstant() {
        Method dr = REGISTRY.resolve("dr_grpo", Map.of("divisor", "trl", "norm_constant", 8));
        try (NDManager m = manager.newSubManager()) {
            LossInputs in = batch(m, m.create(new double[] {0.5, -0.5}));
            LossTerms t = dr.loss(in, LossSettings.defaults());
            double sum = t.perTokenLoss().mul(in.mask()).sum().getDouble();
            assertThat(t.total().getDouble()).isCloseTo(sum / 16.0, within(1e-12));
        }
    }

    @Test
    void grpoAddsBetaTimesTokenMeanK3AndReactsToLiveBeta() {
        Method grpo = REGISTRY.resolve("grpo", Map.of());
        try (NDManager m = manager.newSubManager()) {
            LossInputs in = batch(m, m.create(new double[] {0.5, -0.5}));
            double x = -0.2; // x = ref − logp
            double k3 = Math.exp(x) - x - 1;
            LossTerms t1 = grpo.loss(in, LossSettings.defaults().withKlBeta(0.1));
            LossTerms t2 = grpo.loss(in, LossSettings.defaults().withKlBeta(0.0));
            assertThat(t1.regularizer().getDouble()).isCloseTo(0.1 * k3, within(1e-12));
            assertThat(t2.regularizer()).isNull();
            assertThat(t1.policyLoss().getDouble()).isEqualTo(t2.policyLoss().getDouble());
        }
    }

    @Test
    void gspoMatchesTheSequenceObjectiveAndHasNoDualClip() {
        Method gspo = REGISTRY.resolve("gspo", Map.of());
        try (NDManager m = manager.newSubManager()) {
            NDArray old = m.create(new double[] {-1.0, -2.0, -0.5, -3.0, -1.5, -9.0}, new Shape(2, 3));
            NDArray logp = old.add(m.create(new double[] {0.3, 0.3, 0.3, 0.1, -0.3, 5.0}, new Shape(2, 3)));
            NDArray mask = m.create(new double[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
            NDArray adv = m.create(new double[] {-0.5, -0.5, -0.5, 0.5, 0.5, 0.5}, new Shape(2, 3)).mul(mask);
            LossInputs in = new LossInputs(logp, old, null, mask, adv, null, GroupIndex.ofIds(0, 0));
            LossSettings s = LossSettings.defaults().withClip(new ClipBounds(0.2, 0.2, 1.01, Double.POSITIVE_INFINITY));
            // row 0: s = e^0.3 = 1.35 > c but GSPO has no dual clip: loss 0.5·1.35; row 1: s = e^-0.1, unclipped
            double expected = (0.5 * Math.exp(0.3) - 0.5 * Math.exp(-0.1)) / 2;
            assertThat(gspo.loss(in, s).total().getDouble()).isCloseTo(expected, within(1e-9));
            Map<String, Double> metrics = new java.util.TreeMap<>();
            gspo.emitMetrics(in, gspo.loss(in, s), s, metrics::put);
            assertThat(metrics.get("clip/frac_dual")).isZero();
            Method grpo = REGISTRY.resolve("grpo", Map.of());
            Map<String, Double> grpoMetrics = new java.util.TreeMap<>();
            grpo.emitMetrics(in, grpo.loss(in, s), s, grpoMetrics::put);
            assertThat(grpoMetrics.get("clip/frac_dual")).isCloseTo(3.0 / 5, within(1e-6));
        }
    }

    @Test
    void metricsLeaveAsNamedDoubles() {
        Method grpo = REGISTRY.resolve("grpo", Map.of());
        try (NDManager m = manager.newSubManager()) {
            LossInputs in = batch(m, m.create(new double[] {0.5, -0.5}));
            LossSettings s = LossSettings.defaults().withClip(ClipBounds.symmetric(0.05));
            LossTerms t = grpo.loss(in, s);
            Map<String, Double> got = new java.util.TreeMap<>();
            grpo.emitMetrics(in, t, s, got::put);
            assertThat(got).containsKeys("clip/frac_region", "clip/frac_high", "clip/frac_low", "clip/frac_dual",
                    "kl/old_k1", "kl/old_k2", "loss/policy", "loss/total");
            // row 0 (A>0): w = e^-0.1, e^0.1, e^-0.05 → one token above 1+0.05? none; row 1 (A<0): e^-0.3 < 0.95
            assertThat(got.get("clip/frac_low")).isCloseTo(1.0 / 5, within(1e-6));
            assertThat(got.get("clip/frac_high")).isCloseTo(1.0 / 5, within(1e-6));
        }
    }
}
