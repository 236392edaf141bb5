package io.grposcope.plugins.mixgrpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grposcope.plugins.mixgrpo.WindowSchedule.Strategy;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window schedules against positions worked by hand (N = 10 → K_max = 8 unless said otherwise). */
class WindowScheduleTest {
    private static final Random UNUSED = new Random(0);

    private static WindowSchedule progressive(int size, int iters, int stride, boolean rollBack) {
        return new WindowSchedule(Strategy.PROGRESSIVE, size, iters, stride, rollBack, 10, 1, 0.1, 13);
    }

    @Test
    void progressiveWithOverlapHoldsEachStartThenRollsBack() {
        WindowSchedule w = progressive(4, 3, 1, true);
        // starts 0..7, 3 steps each: a cycle of 24 steps
        int[] want = {0, 0, 0, 1, 1, 1, 2};
        for (int i = 0; i < want.length; i++) {
            assertThat(w.start(i, 8, UNUSED)).as("step %d", i).isEqualTo(want[i]);
        }
        assertThat(w.start(21, 8, UNUSED)).isEqualTo(7);
        assertThat(w.start(23, 8, UNUSED)).isEqualTo(7);
        assertThat(w.start(24, 8, UNUSED)).as("rolled back").isZero();
        assertThat(w.start(24 + 13, 8, UNUSED)).isEqualTo(4);
        assertThat(w.window(0, 10, UNUSED)).containsExactly(0, 1, 2, 3);
        assertThat(w.window(15, 10, UNUSED)).as("start 5, cut at K_max").containsExactly(5, 6, 7);
        assertThat(w.window(21, 10, UNUSED)).containsExactly(7);
    }

    @Test
    void progressiveWithoutRollBackStaysAtTheLastStart() {
        WindowSchedule w = progressive(4, 3, 1, false);
        assertThat(w.start(23, 8, UNUSED)).isEqualTo(7);
        assertThat(w.start(24, 8, UNUSED)).isEqualTo(7);
        assertThat(w.start(10_000, 8, UNUSED)).isEqualTo(7);
        assertThat(w.window(10_000, 10, UNUSED)).containsExactly(7);
    }

    @Test
    void progressiveWithoutOverlapJumpsAWholeWindow() {
        WindowSchedule w = progressive(4, 3, 4, true);
        // starts 0 and 4 (8 = K_max would be empty): a cycle of 6 steps
        assertThat(new int[] {w.start(0, 8, UNUSED), w.start(2, 8, UNUSED), w.start(3, 8, UNUSED),
            w.start(5, 8, UNUSED), w.start(6, 8, UNUSED)}).containsExactly(0, 0, 4, 4, 0);
        assertThat(w.window(4, 10, UNUSED)).containsExactly(4, 5, 6, 7);
        WindowSchedule stay = progressive(4, 3, 4, false);
        assertThat(stay.start(6, 8, UNUSED)).isEqualTo(7);
        assertThat(stay.window(6, 10, UNUSED)).containsExactly(7);
    }

    @Test
    void decaySpendsFewerStepsAtLaterStarts() {
        WindowSchedule w = new WindowSchedule(Strategy.DECAY, 4, 25, 1, true, 10, 1, 0.1, 13);
        // max(1, ⌊10·(1 − c/8) + 1·c/8⌋) for c = 0..7
        int[] iters = {10, 8, 7, 6, 5, 4, 3, 2};
        for (int c = 0; c < iters.length; c++) {
            assertThat(w.iters(c, 8)).as("iters at %d", c).isEqualTo(iters[c]);
        }
        assertThat(w.cycleLength(8)).isEqualTo(45);
        assertThat(w.start(9, 8, UNUSED)).isZero();
        assertThat(w.start(10, 8, UNUSED)).isEqualTo(1);
        assertThat(w.start(17, 8, UNUSED)).isEqualTo(1);
        assertThat(w.start(18, 8, UNUSED)).isEqualTo(2);
        assertThat(w.start(39, 8, UNUSED)).isEqualTo(5);
        assertThat(w.start(40, 8, UNUSED)).isEqualTo(6);
        assertThat(w.start(44, 8, UNUSED)).isEqualTo(7);
        assertThat(w.start(45, 8, UNUSED)).isZero();
    }

    @Test
    void expDecayStartsShrinkingAfterTheThreshold() {
        // N = 25 (K_max = 23), the FLUX script's iters_per_group 25, k = 0.1, threshold 13
        WindowSchedule w = new WindowSchedule(Strategy.EXP_DECAY, 4, 25, 1, true, 10, 1, 0.1, 13);
        int[] iters = {25, 23, 21, 19, 17, 16, 14, 13, 12, 11};
        for (int i = 0; i < iters.length; i++) {
            assertThat(w.iters(13 + i, 23)).as("⌈25·exp(−0.1·%d)⌉", i).isEqualTo(iters[i]);
        }
        assertThat(w.iters(0, 23)).isEqualTo(25);
        assertThat(w.start(349, 23, UNUSED)).isEqualTo(13);
        assertThat(w.start(350, 23, UNUSED)).isEqualTo(14);
        assertThat(w.start(373, 23, UNUSED)).isEqualTo(15);
        assertThat(w.cycleLength(23)).isEqualTo(350 + 146);
        assertThat(w.start(495, 23, UNUSED)).isEqualTo(22);
        assertThat(w.start(496, 23, UNUSED)).isZero();
    }

    @Test
    void randomStartsStayInBoundsAndFollowTheSeed() {
        WindowSchedule w = new WindowSchedule(Strategy.RANDOM, 4, 25, 1, true, 10, 1, 0.1, 13);
        Random a = new Random(42);
        Random b = new Random(42);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int[] win = w.window(i, 10, a);
            assertThat(win).hasSize(4);
            assertThat(win[0]).isBetween(0, 4);
            assertThat(w.window(i, 10, b)).isEqualTo(win);
            seen.add(win[0]);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void windowIsAFunctionOfTheStepOnly() {
        WindowSchedule w = new WindowSchedule(Strategy.DECAY, 3, 25, 2, true, 6, 2, 0.1, 13);
        int[] forward = new int[100];
        for (int i = 0; i < 100; i++) {
            forward[i] = w.start(i, 8, UNUSED);
        }
        for (int i = 99; i >= 0; i--) {
            assertThat(w.start(i, 8, UNUSED)).isEqualTo(forward[i]);
        }
    }

    @Test
    void aWindowWiderThanKmaxIsRejectedWithTheBound() {
        WindowSchedule w = progressive(5, 3, 1, true);
        assertThatThrownBy(() -> w.window(0, 6, UNUSED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("K_max = N − 2 = 4").hasMessageContaining("window_size ≤ 4");
        assertThatThrownBy(() -> progressive(0, 3, 1, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
