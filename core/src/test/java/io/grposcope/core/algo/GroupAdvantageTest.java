package io.grposcope.core.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge cases of group advantages: row order, singletons, flat groups, batch std, per-step columns. */
class GroupAdvantageTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double[] adv(double[] r, GroupIndex g, GroupAdvantage.Options o) {
        try (NDManager m = manager.newSubManager()) {
            return new GroupAdvantage(o).estimate(m.create(r), g).toDoubleArray();
        }
    }

    @Test
    void rowOrderDoesNotMatter() {
        GroupIndex interleaved = GroupIndex.of(List.of("b", "a", "b", "a"));
        double[] a = adv(new double[] {1, 5, 0, 3}, interleaved, GroupAdvantage.Options.verl());
        double[] contiguous = adv(new double[] {1, 0, 5, 3}, GroupIndex.contiguous(4, 2),
                GroupAdvantage.Options.verl());
        assertThat(a).containsExactly(contiguous[0], contiguous[2], contiguous[1], contiguous[3]);
    }

    @Test
    void singletonsAndFlatGroupsAreExplicit() {
        GroupIndex g = GroupIndex.ofIds(1, 2, 2, 2);
        double[] verl = adv(new double[] {0.7, 0.3, 0.3, 0.3}, g, GroupAdvantage.Options.verl());
        assertThat(verl[0]).isCloseTo(0.7 / (float) (1 + 1e-6), within(1e-15));
        assertThat(verl).endsWith(0.0, 0.0, 0.0);
        GroupAdvantage.Options zeroSingleton = new GroupAdvantage.Options(GroupAdvantage.Normalization.Z_SCORE,
                GroupAdvantage.StdKind.UNBIASED, 1e-6, GroupAdvantage.Singleton.ZERO, true);
        assertThat(adv(new double[] {0.7, 0.3, 0.3, 0.3}, g, zeroSingleton)[0]).isZero();
    }

    @Test
    void batchStdUsesGroupMeanAndStdOfAllRewards() {
        double[] r = {1, 0, 3, 2};
        double[] a = adv(r, GroupIndex.contiguous(4, 2), GroupAdvantage.Options.flowGrpo(true));
        double std = Math.sqrt((2.25 + 0.25 + 2.25 + 0.25) / 4);
        assertThat(a).containsExactly(new double[] {0.5 / (std + 1e-4), -0.5 / (std + 1e-4), 0.5 / (std + 1e-4),
            -0.5 / (std + 1e-4)}, within(1e-12));
    }

    @Test
    void perStepRewardsAreNormalisedColumnByColumn() {
        try (NDManager m = manager.newSubManager()) {
            NDArray r = m.create(new double[] {1, 10, 0, 20, 1, 30, 0, 40}, new Shape(4, 2));
            double[] a = new GroupAdvantage(GroupAdvantage.Options.meanCentred())
                    .estimate(r, GroupIndex.contiguous(4, 4)).toDoubleArray();
            assertThat(a).containsExactly(0.5, -15, -0.5, -5, 0.5, 5, -0.5, 15);
        }
    }

    @Test
    void wrongShapesSayWhatIsWrong() {
        try (NDManager m = manager.newSubManager()) {
            assertThatThrownBy(() -> new GroupAdvantage(GroupAdvantage.Options.verl())
                    .estimate(m.create(new double[] {1, 2, 3}), GroupIndex.ofIds(1, 1)))
                    .hasMessageContaining("B = 2");
        }
    }
}
