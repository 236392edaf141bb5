package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesBufferTest {

    @Test
    void pyramidMinMaxEqualsBruteForceOnRandomRanges() {
        SeriesBuffer s = new SeriesBuffer("x");
        Random r = new Random(7);
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            s.append(i, i % 977 == 0 ? Double.NaN : r.nextGaussian());
        }
        float[] mm = new float[2];
        for (int k = 0; k < 300; k++) {
            int a = r.nextInt(n);
            int b = a + r.nextInt(n - a + 1);
            s.minMax(a, b, mm);
            float mn = Float.POSITIVE_INFINITY;
            float mx = Float.NEGATIVE_INFINITY;
            for (int i = a; i < b; i++) {
                float v = s.valueAt(i);
                if (Float.isFinite(v)) {
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
            }
            if (b == a) {
                assertThat(mm[0]).isNaN();
            } else {
                assertThat(mm[0]).isEqualTo(mn);
                assertThat(mm[1]).isEqualTo(mx);
            }
        }
        assertThat(s.nonFiniteCount()).isEqualTo((n + 976) / 977);
    }

    @Test
    void steppingBackTruncatesLaterPointsAndKeepsPyramidExact() {
        SeriesBuffer s = new SeriesBuffer("x");
        for (int i = 1; i <= 5000; i++) {
            s.append(i, i == 4000 ? 1e6 : 1.0);
        }
        int gen = s.generation();
        s.append(3000, 2.0);
        assertThat(s.size()).isEqualTo(3000);
        assertThat(s.lastStep()).isEqualTo(3000);
        assertThat(s.generation()).isNotEqualTo(gen);
        float[] mm = new float[2];
        s.minMax(mm);
        assertThat(mm[1]).isEqualTo(2.0f);
        assertThat(mm[0]).isEqualTo(1.0f);
    }

    @Test
    void lowerBoundFindsFirstStepAtOrAfter() {
        SeriesBuffer s = new SeriesBuffer("x");
        for (int i = 0; i < 10; i++) {
            s.append(i * 10L, i);
        }
        assertThat(s.lowerBound(0)).isZero();
        assertThat(s.lowerBound(15)).isEqualTo(2);
        assertThat(s.lowerBound(20)).isEqualTo(2);
        assertThat(s.lowerBound(1000)).isEqualTo(10);
    }
}
