package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TicksTest {

    @Test
    void labelsOfTicksNearOneStayDistinct() {
        double[] ticks = Ticks.nice(0.9975, 1.0012, 4);
        double step = ticks[1] - ticks[0];
        String[] labels = Arrays.stream(ticks).mapToObj(t -> Ticks.format(t, step)).toArray(String[]::new);
        assertThat(labels).doesNotHaveDuplicates().contains("1", "0.998", "1.001");
        assertThat(Ticks.format(0.4, 0.2)).isEqualTo("0.4");
        assertThat(Ticks.format(200, 50)).isEqualTo("200");
    }
}
