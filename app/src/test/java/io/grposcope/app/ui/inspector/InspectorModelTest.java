package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.CaptureFixtures;
import io.grposcope.core.debug.ClipState;
import io.grposcope.core.debug.ReplayResult;
import io.grposcope.core.debug.SampleAttribution;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorModelTest {

    @Test
    void ranksByAdvantageUntilAttributionArrivesThenByAttribution() {
        BatchCapture b = CaptureFixtures.smallBatch(7);
        InspectorModel m = new InspectorModel(b, Map.of());
        assertThat(m.rows().get(0).sample().index()).isEqualTo(2);
        assertThat(m.selectedProperty().get().index()).isEqualTo(2);
        assertThat(m.statusProperty().get()).contains("|advantage|");

        ReplayResult r = new ReplayResult(0.1, 2, Map.of(), new double[]{0.5, 3.0, 0.2, 0.3});
        m.applyAttribution(SampleAttribution.rank(b, r));
        assertThat(m.rows()).extracting(row -> row.sample().index()).containsExactly(1, 0, 3, 2);
        assertThat(m.rows().get(0).share()).isEqualTo(0.75);
        assertThat(m.selectedProperty().get().index()).isEqualTo(1);
    }

    @Test
    void tokenColoursFollowTheChosenValue() {
        BatchCapture b = CaptureFixtures.smallBatch(7);
        var s = b.sample(2);
        assertThat(TokenColoring.RATIO.value(s, 0)).isEqualTo(Math.log(1.4f));
        assertThat(TokenColoring.RATIO.color(Math.log(2), Math.log(2))).isEqualTo(TokenColoring.diverging(1));
        assertThat(new InspectorModel(b, Map.of()).scale()).as("token ratios saturate at log 2").isEqualTo(Math.log(2));
        assertThat(TokenColoring.RATIO.color(0, 1)).isEqualTo(Color.web("#f4f4f4"));
        assertThat(TokenColoring.RATIO.color(Math.log(s.ratio()[1]), 1)).isEqualTo(TokenColoring.NON_FINITE);
        assertThat(TokenColoring.ADVANTAGE.color(-50, 50).getBlue()).isGreaterThan(TokenColoring.ADVANTAGE
                .color(-50, 50).getRed());
        assertThat(TokenColoring.CLIP.color(TokenColoring.CLIP.value(s, 0), 1))
                .isEqualTo(TokenColoring.clipColor(ClipState.HIGH));
        assertThat(InspectorModel.tokenTooltip(s, 0)).contains("ratio 1.4000").contains("clip HIGH")
                .contains("advantage 50.0000");
    }
}
