package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.task.CharTokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrpoMetricsTest {

    @Test
    void rewardAndLengthMetricsOfAHandMadeBatch() {
        int e = CharTokenizer.EOS;
        int[][] tokens = {{1, 3, 4, e}, {1, 3, 4, e}, {1, 3, 5, 6}, {1, 3, e, e}};
        float[][] mask = {{1, 1}, {1, 1}, {1, 1}, {1, 0}};
        double[] rewards = {1.1, 1.1, 0.1, 1.1};
        TokenBatch b = new TokenBatch(2, tokens, mask, new String[] {"p", "p", "q", "q"},
                new String[] {"1", "1", "23", ""}, rewards, new boolean[] {true, true, false, true},
                new int[] {0, 0, 1, 1}, new float[] {0, 0, -0.7f, 0.7f}, null, null, null, null, null, null);
        StepRecord r = new GrpoMetrics(StepRecord.builder(7, StepRecord.PHASE_GRPO), RunConfig.defaults(), 0.2, 0.2)
                .finish(b, null, 1e-4, System.nanoTime());
        assertThat(r.scalar("reward/frac_zero_std")).isEqualTo(0.5);
        assertThat(r.scalar("reward/mean")).isCloseTo(0.85, within(1e-12));
        assertThat(r.scalar("reward/accuracy")).isEqualTo(0.75);
        assertThat(r.scalar("len/mean")).isEqualTo(1.75);
        assertThat(r.scalar("len/clip_ratio")).isEqualTo(0.25);
        assertThat(r.scalar("len/correct_mean")).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(r.scalar("len/incorrect_mean")).isEqualTo(2.0);
        assertThat(r.scalar("adv/mean")).isCloseTo((-0.7 * 2 + 0.7) / 7, within(1e-6));
        assertThat(r.histograms().get("adv").count()).isEqualTo(7);
        assertThat(r.samples()).hasSize(4);
    }
}
