package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnReductionTest {

    @Test
    void aSingleStepSpikeSurvivesReductionOfAMillionPointsTo800Columns() {
        SeriesBuffer s = new SeriesBuffer("grad/norm");
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.append(i, i == 654_321 ? 50.0 : 1.0 + 0.01 * Math.sin(i));
        }
        ColumnReduction r = new ColumnReduction().reduce(s, 0, n, 800);
        int spikeColumns = 0;
        long total = 0;
        for (int c = 0; c < 800; c++) {
            total += r.count(c);
            if (r.max(c) == 50.0f) {
                spikeColumns++;
                assertThat(c).isEqualTo((int) (654_321L * 800 / n));
            }
        }
        assertThat(spikeColumns).isEqualTo(1);
        assertThat(total).isEqualTo(n);
    }

    @Test
    void columnsPartitionThePointsAndKeepFirstAndLast() {
        SeriesBuffer s = new SeriesBuffer("x");
        for (int i = 0; i < 100; i++) {
            s.append(i, i);
        }
        ColumnReduction r = new ColumnReduction().reduce(s, 0, 100, 10);
        for (int c = 0; c < 10; c++) {
            assertThat(r.count(c)).isEqualTo(10);
            assertThat(r.first(c)).isEqualTo(c * 10f);
            assertThat(r.last(c)).isEqualTo(c * 10f + 9);
            assertThat(r.min(c)).isEqualTo(c * 10f);
            assertThat(r.max(c)).isEqualTo(c * 10f + 9);
            assertThat(r.lastIndex(c)).isEqualTo(c * 10 + 9);
        }
    }
}
