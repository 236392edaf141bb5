package io.grposcope.core.debug;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpikeDetectorTest {

    private static SpikeDetector.Settings settings(int window, double k) {
        return new SpikeDetector.Settings(window, k, 5, SpikeDetector.Direction.UP, 0.0);
    }

    @Test
    void medianAndMadFollowTheTextbookDefinitions() {
        double[] xs = {1, 2, 3, 4, 100};
        assertThat(SpikeDetector.median(xs)).isEqualTo(3.0);
        assertThat(SpikeDetector.madAround(xs, 3.0)).isEqualTo(1.0);
        assertThat(SpikeDetector.median(new double[]{4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void flagsAValueBeyondMedianPlusKMadAndReportsTheBaseline() {
        double[] base = {1.0, 1.2, 0.8, 1.1, 0.9};
        // median 1.0, MAD 0.1 -> threshold 1.0 + 3 * 0.1 = 1.3
        assertThat(primed(base).observe(5, 1.29)).isEmpty();
        Optional<Spike> s = primed(base).observe(5, 1.31);
        assertThat(s).isPresent();
        assertThat(s.get().step()).isEqualTo(5);
        assertThat(s.get().median()).isEqualTo(1.0);
        assertThat(s.get().mad()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.get().threshold()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.get().nonFinite()).isFalse();
        assertThat(s.get().toEvent().type()).isEqualTo(io.grposcope.core.metrics.EventType.SPIKE);
    }

    private static SpikeDetector primed(double[] base) {
        SpikeDetector d = new SpikeDetector("grad/norm", settings(5, 3));
        for (int i = 0; i < base.length; i++) {
            assertThat(d.observe(i, base[i])).isEmpty();
        }
        return d;
    }

    @Test
    void nonFiniteIsAlwaysASpikeEvenWithoutHistory() {
        SpikeDetector d = new SpikeDetector("grad/norm", SpikeDetector.Settings.defaults());
        Optional<Spike> s = d.observe(0, Double.NaN);
        assertThat(s).isPresent();
        assertThat(s.get().nonFinite()).isTrue();
        assertThat(d.observe(1, Double.POSITIVE_INFINITY)).isPresent();
        // non-finite values never enter the window
        for (int i = 2; i < 12; i++) {
            assertThat(d.observe(i, 1.0 + 0.01 * (i % 3))).isEmpty();
        }
    }

    @Test
    void directionDownCatchesEntropyDropsButNotRises() {
        SpikeDetector d = new SpikeDetector("entropy/token_mean",
                settings(10, 4).withDirection(SpikeDetector.Direction.DOWN));
        Random r = new Random(3);
        for (int i = 0; i < 10; i++) {
            d.observe(i, 2.0 + 0.05 * r.nextGaussian());
        }
        assertThat(d.observe(10, 5.0)).isEmpty();
        assertThat(d.observe(11, 0.5)).isPresent();
    }

    @Test
    void noisySeriesWithOneInjectedSpikeFlagsOnlyThatStep() {
        SpikeDetector d = new SpikeDetector("grad/norm", SpikeDetector.Settings.defaults());
        Random r = new Random(7);
        int flagged = 0;
        long flaggedStep = -1;
        for (int step = 0; step < 300; step++) {
            double v = 1.0 + 0.1 * r.nextGaussian();
            if (step == 200) {
                v = 25.0;
            }
            if (d.observe(step, v).isPresent()) {
                flagged++;
                flaggedStep = step;
            }
        }
        assertThat(flagged).isEqualTo(1);
        assertThat(flaggedStep).isEqualTo(200);
    }

    @Test
    void badSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> new SpikeDetector.Settings(2, 5, 1, SpikeDetector.Direction.UP, 0))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new SpikeDetector.Settings(10, -1, 1, SpikeDetector.Direction.UP, 0))
                .hasMessageContaining("k must be > 0");
    }
}
