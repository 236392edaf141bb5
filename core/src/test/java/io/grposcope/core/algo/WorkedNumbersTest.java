package io.grposcope.core.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.spi.ClipBounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worked numbers of methods-spec §9.1–9.5 (9.11 and 9.13 are in FlowStepsTest). */
class WorkedNumbersTest {

    private static final double TOL = 1e-5;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double[] advantages(double[] rewards, GroupAdvantage.Options o) {
        try (NDManager m = manager.newSubManager()) {
            NDArray r = m.create(rewards);
            return new GroupAdvantage(o).estimate(r, GroupIndex.contiguous(rewards.length, rewards.length))
                    .toDoubleArray();
        }
    }

    @Test
    void groupAdvantages91() {
        double[] r = {1, 0, 0, 1};
        assertThat(advantages(r, GroupAdvantage.Options.verl()))
                .containsExactly(new double[] {0.866024, -0.866024, -0.866024, 0.866024}, within(TOL));
        assertThat(advantages(r, GroupAdvantage.Options.trl()))
                .containsExactly(new double[] {0.865875, -0.865875, -0.865875, 0.865875}, within(TOL));
        assertThat(advantages(r, GroupAdvantage.Options.flowGrpo(false)))
                .containsExactly(new double[] {0.9998, -0.9998, -0.9998, 0.9998}, within(TOL));
        assertThat(advantages(r, GroupAdvantage.Options.meanCentred()))
                .containsExactly(new double[] {0.5, -0.5, -0.5, 0.5}, within(TOL));
        assertThat(advantages(new double[] {1, 0, 0, 0}, GroupAdvantage.Options.verl()))
                .containsExactly(new double[] {1.499997, -0.499999, -0.499999, -0.499999}, within(TOL));
    }

    @Test
    void float32RewardsGiveFloat32Advantages() {
        try (NDManager m = manager.newSubManager()) {
            NDArray r = m.create(new float[] {1, 0, 0, 1});
            NDArray a = new GroupAdvantage(GroupAdvantage.Options.verl()).estimate(r, GroupIndex.ofIds(7, 3, 7, 3));
            assertThat(a.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(a.toFloatArray()[0]).isCloseTo(0.70710578f, within(1e-6f));
        }
    }

    private static double ppo(double a, double w, ClipBounds b) {
        try (NDManager m = manager.newSubManager()) {
            return new PpoClip().perTokenLoss(m.create(w), m.create(a), b).getDouble();
        }
    }

    @Test
    void ppoClip92() {
        ClipBounds b = new ClipBounds(0.2, 0.28, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(ppo(1, 1.5, b)).isCloseTo(-1.28, within(TOL));
        assertThat(ppo(1, 0.5, b)).isCloseTo(-0.5, within(TOL));
        assertThat(ppo(-1, 1.5, b)).isCloseTo(1.5, within(TOL));
        assertThat(ppo(-1, 0.5, b)).isCloseTo(0.8, within(TOL));
        assertThat(ppo(1, 1.1, b)).isCloseTo(-1.1, within(TOL));
        ClipBounds dual = new ClipBounds(0.2, 0.2, 3.0, Double.POSITIVE_INFINITY);
        assertThat(ppo(-1, 5, dual)).isCloseTo(3.0, within(TOL));
        assertThat(ppo(-1, 5, ClipBounds.symmetric(0.2))).isCloseTo(5.0, within(TOL));
        assertThat(ppo(-1, 5, ClipBounds.symmetric(0.2).withDelta(4.0))).isCloseTo(4.0, within(TOL));
    }

    @Test
    void klEstimators93() {
        try (NDManager m = manager.newSubManager()) {
            NDArray logp = m.create(new double[] {Math.log(0.5)});
            NDArray ref = m.create(new double[] {Math.log(0.25)});
            assertThat(KlEstimator.K1.compute(logp, ref).getDouble(0)).isCloseTo(0.693147, within(TOL));
            assertThat(KlEstimator.K2.compute(logp, ref).getDouble(0)).isCloseTo(0.240227, within(TOL));
            assertThat(KlEstimator.K3.compute(logp, ref).getDouble(0)).isCloseTo(0.193147, within(TOL));
            assertThat(KlEstimator.K3_PLUS.compute(logp, ref).getDouble(0)).isCloseTo(0.193147, within(TOL));
            assertThat(KlEstimator.parse("low_var_kl")).isEqualTo(KlEstimator.K3);
        }
    }

    @Test
    void gspoSequenceRatio94() {
        try (NDManager m = manager.newSubManager()) {
            NDArray logp = m.create(new double[] {0.1, -0.2, 0.4, 7.0}, new Shape(1, 4));
            NDArray old = logp.zerosLike();
            NDArray mask = m.create(new double[] {1, 1, 1, 0}, new Shape(1, 4));
            double s = Math.exp(Gspo.sequenceLogRatio(logp, old, mask).getDouble(0));
            assertThat(s).isCloseTo(1.105171, within(TOL));
            assertThat(Gspo.tokenRatio(logp, old, mask).ratio().toDoubleArray()[2]).isCloseTo(1.105171, within(TOL));
        }
    }

    @Test
    void aggregation95() {
        try (NDManager m = manager.newSubManager()) {
            NDArray l = m.create(new double[] {1, 2, 3, 0, 4, 0, 0, 0}, new Shape(2, 4));
            NDArray mask = m.create(new double[] {1, 1, 1, 0, 1, 0, 0, 0}, new Shape(2, 4));
            assertThat(agg(l, mask, AggregationMode.TOKEN_MEAN)).isCloseTo(2.5, within(TOL));
            assertThat(agg(l, mask, AggregationMode.SEQ_MEAN_TOKEN_MEAN)).isCloseTo(3.0, within(TOL));
            assertThat(agg(l, mask, AggregationMode.SEQ_MEAN_TOKEN_SUM)).isCloseTo(5.0, within(TOL));
            assertThat(agg(l, mask, AggregationMode.SEQ_MEAN_TOKEN_SUM_NORM)).isCloseTo(2.5, within(TOL));
            assertThat(agg(l, mask, AggregationMode.TRL_DR_GRPO)).isCloseTo(1.25, within(TOL));
            assertThat(new LossAggregation(AggregationMode.TRL_DR_GRPO, 8).aggregate(l, mask).getDouble())
                    .isCloseTo(0.625, within(TOL));
            NDArray withEmptyRow = m.create(new double[] {1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0}, new Shape(3, 4));
            NDArray l3 = m.create(new double[] {1, 2, 3, 0, 4, 0, 0, 0, 9, 9, 9, 9}, new Shape(3, 4));
            assertThat(agg(l3, withEmptyRow, AggregationMode.SEQ_MEAN_TOKEN_MEAN)).isCloseTo(3.0, within(TOL));
            assertThat(agg(l3, withEmptyRow, AggregationMode.TRL_GRPO)).isCloseTo(2.0, within(TOL));
        }
    }

    private static double agg(NDArray l, NDArray mask, AggregationMode mode) {
        return new LossAggregation(mode).aggregate(l, mask).getDouble();
    }

    @Test
    void entropyOfUniformIsLogV() {
        try (NDManager m = manager.newSubManager()) {
            NDArray logits = m.create(new double[] {3, 3, 3, 3, 100, 0, 0, 0}, new Shape(2, 4));
            double[] h = Entropy.fromLogits(logits).toDoubleArray();
            assertThat(h[0]).isCloseTo(Math.log(4), within(1e-12));
            assertThat(h[1]).isBetween(0.0, 1e-30);
            NDArray labels = m.create(new long[] {1, 0});
            double[] lp = Entropy.logProbsOfLabels(logits, labels).toDoubleArray();
            assertThat(lp[0]).isCloseTo(-Math.log(4), within(1e-12));
            assertThat(lp[1]).isCloseTo(0.0, within(1e-12));
        }
    }
}
