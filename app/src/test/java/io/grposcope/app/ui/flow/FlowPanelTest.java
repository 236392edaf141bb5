package io.grposcope.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Headless: per-timestep heatmaps find the t{k} series and the strip keeps the eval snapshots. */
@ExtendWith(ApplicationExtension.class)
class FlowPanelTest {
    private final RunData data = new RunData("flow");
    private FlowPanel panel;

    @Start
    void start(Stage stage) {
        panel = new FlowPanel(data);
        stage.setScene(new Scene(panel, 600, 700));
        stage.show();
    }

    @Test
    void heatmapsAndStripFollowTheRecords(FxRobot robot) {
        assertThat(FlowPanel.isFlow(data)).isFalse();
        robot.interact(() -> {
            for (int s = 1; s <= 12; s++) {
                data.apply(record(s));
                panel.render();
            }
        });
        assertThat(FlowPanel.isFlow(data)).isTrue();
        assertThat(panel.ratioStd().rows()).isEqualTo(3);
        assertThat(panel.ratioStd().range()[0]).isEqualTo(Math.log10(0.001f), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(panel.ratioStd().range()[1]).isEqualTo(Math.log10(0.012f * 3), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(panel.samples().snapshotCount()).as("eval every 5 steps: 1, 6, 11").isEqualTo(3);
        assertThat(SampleStrip.point("(0.5000, -1.2500)")).containsExactly(0.5f, -1.25f);
        assertThat(SampleStrip.point("not a point")).isNull();
    }

    private static StepRecord record(long step) {
        StepRecord.Builder b = StepRecord.builder(step, StepRecord.PHASE_GRPO);
        for (int k = 0; k < 3; k++) {
            b.scalar("t" + k + "/ratio/std", 0.001 * step * (k + 1)).scalar("t" + k + "/clip/frac_abs_gt_eps", 0.1 * k)
                    .scalar("t" + k + "/grad/share", 1.0 / 3);
        }
        if (step % 5 == 1) {
            b.sample(new SampleRow(0, 0, SampleStrip.EVAL_PREFIX + "prompt 0", "(1.0, 0.5)", 0.9, Double.NaN, 0));
            b.sample(new SampleRow(1, 1, SampleStrip.EVAL_PREFIX + "prompt 1", "(-1.0, 0.5)", 0.1, Double.NaN, 0));
        }
        b.sample(new SampleRow(2, 1, "prompt 1", "(0.0, 0.0)", 0.1, 0.0, 9));
        return b.build();
    }
}
