package io.grposcope.core.engine;

import io.grposcope.core.algo.spi.SampleFilter;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.task.CharTokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dynamic sampling's rounds on synthetic rollouts: filter only, refill and truncation, the round limit. */
class DynamicSamplingTest {

    /** Drops flat groups and refills for up to {@code max} rounds. */
    private static SampleFilter refilling(int max) {
        SampleFilter flat = SampleFilter.dropFlatGroups();
        return new SampleFilter() {
            @Override
            public int[] keep(double[] rewards, GroupIndex groups) {
                return flat.keep(rewards, groups);
            }

            @Override
            public OptionalInt refillRounds() {
                return OptionalInt.of(max);
            }
        };
    }

    /** A round of {@code rewards.length / 2} groups of two; completion i has i % 3 + 1 tokens, tagged by reward. */
    private static TokenBatch round(double... rewards) {
        int b = rewards.length;
        int n = 3;
        int[][] tokens = new int[b][1 + n];
        float[][] mask = new float[b][n];
        int[] groups = new int[b];
        for (int i = 0; i < b; i++) {
            tokens[i][0] = CharTokenizer.BOS;
            int len = i % 3 + 1;
            for (int t = 0; t < n; t++) {
                tokens[i][1 + t] = t < len - 1 ? 5 : CharTokenizer.EOS;
                mask[i][t] = t < len ? 1 : 0;
            }
            groups[i] = i / 2;
        }
        String[] text = new String[b];
        for (int i = 0; i < b; i++) {
            text[i] = "r" + rewards[i];
        }
        return new TokenBatch(1, tokens, mask, text, text, rewards.clone(), new boolean[b], groups, new float[b],
                null, null, null, null, null, null);
    }

    private static Supplier<TokenBatch> rounds(TokenBatch... batches) {
        Deque<TokenBatch> q = new ArrayDeque<>(java.util.List.of(batches));
        return q::removeFirst;
    }

    @Test
    void filterOnlyReturnsTheFirstRoundAndTheKeptRows() {
        DynamicSampling.Result r = DynamicSampling.collect(rounds(round(1, 1, 0, 1, 0, 0)),
                SampleFilter.dropFlatGroups(), 3);
        assertThat(r.refilled()).isFalse();
        assertThat(r.rounds()).isEqualTo(1);
        assertThat(r.keep()).containsExactly(2, 3);
        assertThat(r.batch().rows()).isEqualTo(6);
        assertThat(r.keptFraction()).isEqualTo(2.0 / 6);
    }

    @Test
    void refillsUntilEnoughGroupsAndTruncatesToThem() {
        // 3 groups wanted: round 1 keeps group 1, round 2 keeps groups 0 and 2, round 3 would not be needed
        DynamicSampling.Result r = DynamicSampling.collect(
                rounds(round(1, 1, 0, 1, 0, 0), round(0, 0.5, 1, 1, 0.2, 0), round(0, 1, 0, 1, 0, 1)),
                refilling(10), 2);
        assertThat(r.refilled()).isTrue();
        assertThat(r.rounds()).isEqualTo(2);
        assertThat(r.generatedRows()).isEqualTo(12);
        assertThat(r.keptRows()).isEqualTo(6);
        assertThat(r.keptFraction()).isEqualTo(0.5);
        // exactly 2 groups: round 1's group 1, round 2's group 0; round 2's group 2 is cut off
        assertThat(r.batch().rewards()).containsExactly(0, 1, 0, 0.5);
        assertThat(r.batch().groupIds()).containsExactly(0, 0, 1, 1);
        assertThat(r.keep()).containsExactly(0, 1, 2, 3);
        assertThat(r.batch().prompts()).containsExactly("r0.0", "r1.0", "r0.0", "r0.5");
        assertThat(r.batch().length(1)).isEqualTo(round(1, 1, 0, 1, 0, 0).length(3));
        assertThat(r.batch().tokens()[0]).hasSize(4);
    }

    @Test
    void failsAfterTheRoundLimitAndRunsOnWithoutOne() {
        assertThatThrownBy(() -> DynamicSampling.collect(rounds(round(1, 1, 0, 0), round(1, 1, 1, 1)),
                refilling(2), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kept 0 of the 2 groups").hasMessageContaining("after 2 generation rounds")
                .hasMessageContaining("max_gen_batches = 2");
        DynamicSampling.Result r = DynamicSampling.collect(
                rounds(round(1, 1, 0, 0), round(1, 1, 1, 1), round(0, 0, 0, 0), round(1, 0, 0, 1)), refilling(0), 2);
        assertThat(r.rounds()).isEqualTo(4);
        assertThat(r.batch().groupIds()).containsExactly(0, 0, 1, 1);
        assertThat(r.batch().rewards()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void paddedRowsOfShorterRoundsEndInEos() {
        TokenBatch a = round(1, 0);
        TokenBatch wide = new TokenBatch(1, new int[][] {{1, 5, 5, 5, 5}, {1, 5, 5, 5, 5}},
                new float[][] {{1, 1, 1, 1}, {1, 1, 1, 1}}, new String[] {"x", "y"}, new String[] {"x", "y"},
                new double[] {1, 0}, new boolean[2], new int[] {0, 0}, new float[2], null, null, null, null, null,
                null);
        TokenBatch all = DynamicSampling.firstGroups(java.util.List.of(a, wide), 2);
        assertThat(all.completionLength()).isEqualTo(4);
        assertThat(all.tokens()[0]).endsWith(CharTokenizer.EOS);
        assertThat(all.mask()[0][3]).isZero();
        assertThat(all.length(2)).isEqualTo(4);
        assertThat(all.groupIds()).containsExactly(0, 0, 1, 1);
    }
}
