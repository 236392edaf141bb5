package io.grposcope.core.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.spi.ClipBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the GRPO math over random inputs (methods-spec §1). Each property runs many seeded tries
 * ({@link Tries}); a failure names the try's seed so it can be replayed.
 */
class GrpoMathProperties {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void advantagesSumToZeroPerGroup() {
        Tries.run(200, gen -> advantagesSumToZeroPerGroup(gen.intIn(1, 6), gen.intIn(2, 9), gen.nextLong(),
                gen.nextBoolean()));
    }

    private void advantagesSumToZeroPerGroup(int groups, int size, long seed, boolean meanCentred) {
        Random rnd = new Random(seed);
        List<Integer> ids = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < size + rnd.nextInt(3); i++) {
                ids.add(g * 31 + 5);
            }
        }
        Collections.shuffle(ids, rnd);
        double[] r = new double[ids.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rnd.nextBoolean() ? rnd.nextInt(2) : rnd.nextGaussian() * 10;
        }
        GroupIndex index = GroupIndex.of(ids);
        GroupAdvantage.Options o = meanCentred ? GroupAdvantage.Options.meanCentred() : GroupAdvantage.Options.verl();
        try (NDManager m = manager.newSubManager()) {
            double[] a = new GroupAdvantage(o).estimate(m.create(r), index).toDoubleArray();
            for (int g = 0; g < index.groupCount(); g++) {
                double sum = 0;
                for (int row : index.members(g)) {
                    sum += a[row];
                }
                assertThat(sum).isCloseTo(0.0, within(1e-9 * index.size(g) * 10));
            }
        }
    }

    @Test
    void clippingNeverRaisesTheObjective() {
        Tries.run(200, gen -> clippingNeverRaisesTheObjective(gen.doubleIn(-5, 5), gen.doubleIn(1e-3, 10),
                gen.doubleIn(0, 0.9), gen.doubleIn(0, 3)));
    }

    private void clippingNeverRaisesTheObjective(double adv, double ratio, double low, double high) {
        ClipBounds b = new ClipBounds(low, high, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        try (NDManager m = manager.newSubManager()) {
            double loss = new PpoClip().perTokenLoss(m.create(ratio), m.create(adv), b).getDouble();
            assertThat(-loss).isLessThanOrEqualTo(adv * ratio + 1e-12);
        }
    }

    @Test
    void aggregationModesAgreeOnUniformMasks() {
        Tries.run(200, gen -> aggregationModesAgreeOnUniformMasks(gen.intIn(1, 6), gen.intIn(1, 12), gen.nextLong()));
    }

    private void aggregationModesAgreeOnUniformMasks(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[] l = new double[rows * cols];
        for (int i = 0; i < l.length; i++) {
            l[i] = rnd.nextGaussian() * 3;
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray loss = m.create(l, new Shape(rows, cols));
            NDArray mask = loss.onesLike();
            double tokenMean = agg(loss, mask, AggregationMode.TOKEN_MEAN);
            // verl adds 1e-8 to each row's token count in seq-mean-token-mean: agreement to ~1e-8 relative
            assertThat(agg(loss, mask, AggregationMode.SEQ_MEAN_TOKEN_MEAN))
                    .isCloseTo(tokenMean, within(1e-7 * (1 + Math.abs(tokenMean))));
            assertThat(agg(loss, mask, AggregationMode.TRL_DR_GRPO)).isCloseTo(tokenMean, within(1e-9));
            assertThat(agg(loss, mask, AggregationMode.SEQ_MEAN_TOKEN_SUM))
                    .isCloseTo(tokenMean * cols, within(1e-8));
            assertThat(agg(loss, mask, AggregationMode.SEQ_MEAN_TOKEN_SUM_NORM))
                    .isCloseTo(tokenMean * rows, within(1e-8));
        }
    }

    private static double agg(NDArray loss, NDArray mask, AggregationMode mode) {
        return new LossAggregation(mode).aggregate(loss, mask).getDouble();
    }

    @Test
    void lossIsDtypeGenericAndStaysInTheInputDtype() {
        Tries.run(100, gen -> lossIsDtypeGenericAndStaysInTheInputDtype(gen.intIn(1, 5), gen.nextLong(),
                gen.nextBoolean()));
    }

    private void lossIsDtypeGenericAndStaysInTheInputDtype(int rows, long seed, boolean drGrpo) {
        Random rnd = new Random(seed);
        double[][] parts = new double[5][rows * 6];
        for (int i = 0; i < rows * 6; i++) {
            parts[0][i] = -rnd.nextDouble() * 4;
            parts[1][i] = parts[0][i] + rnd.nextGaussian() * 0.3;
            parts[2][i] = parts[0][i] + rnd.nextGaussian() * 0.1;
            parts[3][i] = rnd.nextDouble() < 0.8 ? 1 : 0;
            parts[4][i] = rnd.nextGaussian();
        }
        var method = io.grposcope.core.algo.spi.MethodRegistry.builtin()
                .resolve(drGrpo ? "dr_grpo" : "grpo", java.util.Map.of());
        double[] values = new double[2];
        ai.djl.ndarray.types.DataType[] types = {ai.djl.ndarray.types.DataType.FLOAT64,
            ai.djl.ndarray.types.DataType.FLOAT32};
        for (int d = 0; d < 2; d++) {
            try (NDManager m = manager.newSubManager()) {
                NDArray[] t = new NDArray[5];
                for (int k = 0; k < 5; k++) {
                    t[k] = m.create(parts[k], new Shape(rows, 6)).toType(types[d], false);
                }
                var in = new io.grposcope.core.algo.spi.LossInputs(t[0], t[1], t[2], t[3], t[4].mul(t[3]), null,
                        GroupIndex.contiguous(rows, 1));
                NDArray loss = method.loss(in, io.grposcope.core.algo.spi.LossSettings.defaults()).total();
                assertThat(loss.getDataType()).isEqualTo(types[d]);
                values[d] = loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            }
        }
        assertThat(values[1]).isCloseTo(values[0], within(1e-5 * (1 + Math.abs(values[0]))));
    }

    @Test
    void ratioOfOneGivesZeroClipFraction() {
        Tries.run(200, gen -> ratioOfOneGivesZeroClipFraction(gen.intIn(1, 5), gen.nextLong(), gen.doubleIn(1e-4, 0.5)));
    }

    private void ratioOfOneGivesZeroClipFraction(int rows, long seed, double eps) {
        Random rnd = new Random(seed);
        double[] lp = new double[rows * 4];
        double[] a = new double[rows * 4];
        for (int i = 0; i < lp.length; i++) {
            lp[i] = -rnd.nextDouble() * 5;
            a[i] = rnd.nextGaussian();
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray logp = m.create(lp, new Shape(rows, 4));
            NDArray adv = m.create(a, new Shape(rows, 4));
            var ratio = TokenRatio.of(logp, logp.duplicate());
            ClipStatistics s = ClipStatistics.compute(ratio.logRatio(), ratio.ratio(), adv, logp.onesLike(),
                    new ClipBounds(eps, eps, 3.0, Double.POSITIVE_INFINITY));
            assertThat(s.verlClipFrac()).isZero();
            assertThat(s.verlClipFracLower()).isZero();
            assertThat(s.trlRegionMean()).isZero();
            assertThat(s.absGtEps()).isZero();
        }
    }
}
