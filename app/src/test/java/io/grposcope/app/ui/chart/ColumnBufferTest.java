package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnBufferTest {

    @Test
    void mergesPairwiseWhenFullKeepingTotalsAndStepRanges() {
        ColumnBuffer b = new ColumnBuffer(2, 4, ColumnBuffer.Merge.SUM);
        for (int s = 1; s <= 9; s++) {
            b.append(s, new float[] {1, s});
        }
        // capacity 4: 1..4 -> [1-2][3-4], then [1-2][3-4][5-6][7-8] full -> [1-4][5-8][9]
        assertThat(b.stepsPerColumn()).isEqualTo(4);
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.stepStart(0)).isEqualTo(1);
        assertThat(b.stepEnd(0)).isEqualTo(4);
        assertThat(b.value(0, 0)).isEqualTo(4f);
        assertThat(b.value(0, 1)).isEqualTo(1 + 2 + 3 + 4f);
        assertThat(b.value(1, 1)).isEqualTo(5 + 6 + 7 + 8f);
        float total = 0;
        for (int c = 0; c < b.size(); c++) {
            total += b.value(c, 0);
        }
        assertThat(total).isEqualTo(9f);
        assertThat(b.columnOf(6)).isEqualTo(1);
        assertThat(b.columnOf(9)).isEqualTo(2);
        assertThat(b.columnOf(10)).isEqualTo(-1);
    }

    @Test
    void maxMergeKeepsTheLargestNormAndRollbackTruncates() {
        ColumnBuffer b = new ColumnBuffer(1, 2, ColumnBuffer.Merge.MAX);
        b.append(1, new float[] {1});
        b.append(2, new float[] {7});
        b.append(3, new float[] {2});
        assertThat(b.value(0, 0)).isEqualTo(7f);
        b.append(3, new float[] {5});
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.value(1, 0)).isEqualTo(5f);
    }
}
