package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DebiasedEmaTest {

    @Test
    void matchesTensorBoardClassicSmoothingByHand() {
        // w = 0.6: m1 = 0.4*1 = 0.4, s1 = 0.4/(1-0.6) = 1; m2 = 0.6*0.4 + 0.4*3 = 1.44, s2 = 1.44/(1-0.36) = 2.25
        double[] s = DebiasedEma.smooth(new double[] {1, 3}, 0.6);
        assertThat(s[0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1]).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void onALogScaleOneHugeSpikeFadesInAFewStepsNotHundreds() {
        SeriesBuffer b = new SeriesBuffer("grad/norm");
        for (int i = 0; i < 60; i++) {
            b.append(i, i == 10 ? 2.8e34 : 1.0);
        }
        DebiasedEma linear = new DebiasedEma(b, 0.6);
        DebiasedEma log = new DebiasedEma(b, 0.6);
        log.setLogDomain(true);
        assertThat(linear.valueAt(59)).as("linear EMA 49 steps later").isGreaterThan(1e20f);
        // log domain: 34·ln10·0.4·0.6^k nats above 0; after 49 steps that is below 1e-8
        assertThat(log.valueAt(59)).isCloseTo(1.0f, within(1e-6f));
        double atSpike = Math.pow(2.8e34, 0.4 / (1 - Math.pow(0.6, 11)));
        assertThat((double) log.valueAt(10)).isCloseTo(atSpike, org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(log.valueAt(5)).isEqualTo(1.0f);
    }

    @Test
    void constantSeriesStaysConstantAndNonFiniteValuesPassThrough() {
        double[] s = DebiasedEma.smooth(new double[] {5, 5, Double.NaN, 5, 5}, 0.99);
        assertThat(s[0]).isCloseTo(5, within(1e-9));
        assertThat(s[2]).isNaN();
        assertThat(s[4]).isCloseTo(5, within(1e-9));
    }

    @Test
    void incrementalFollowsBufferAndRestartsAfterTruncation() {
        SeriesBuffer b = new SeriesBuffer("x");
        double[] v = {1, 4, 2, 8, 5, 7};
        for (int i = 0; i < 3; i++) {
            b.append(i, v[i]);
        }
        DebiasedEma ema = new DebiasedEma(b, 0.9);
        for (int i = 3; i < v.length; i++) {
            b.append(i, v[i]);
        }
        ema.catchUp();
        double[] ref = DebiasedEma.smooth(v, 0.9);
        for (int i = 0; i < v.length; i++) {
            assertThat((double) ema.valueAt(i)).isCloseTo(ref[i], within(1e-5));
        }
        b.append(2, 100);
        ema.catchUp();
        double[] ref2 = DebiasedEma.smooth(new double[] {1, 4, 100}, 0.9);
        assertThat((double) ema.valueAt(2)).isCloseTo(ref2[2], within(1e-4));
    }

    @Test
    void rejectsWeightOutsideSliderRange() {
        assertThatThrownBy(() -> new DebiasedEma(new SeriesBuffer("x"), 1.0))
                .hasMessageContaining("[0, 0.999]");
    }
}
