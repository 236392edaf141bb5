package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.LineChartCanvas;
import io.grposcope.app.ui.chart.Trace;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.core.metrics.StepRecord;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless: a run or branch compared with an open view is drawn dashed on charts that were already bound, and
 * the copy a rollback keeps holds the old branch's steps from the fork on, after the live series moved past them.
 */
@ExtendWith(ApplicationExtension.class)
class BranchOverlayTest {

    private final RunData data = new RunData("live");
    private RunView view;

    @Start
    void start(Stage stage) {
        view = new RunView(new RunViewModel("live", data), Glossary.load());
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    private static StepRecord step(long s, double reward) {
        return StepRecord.builder(s, StepRecord.PHASE_GRPO).scalar("reward/mean", reward).scalar("grad/norm", 1)
                .build();
    }

    @Test
    void aRollbackKeepsTheOldBranchDashedOnChartsAlreadyDrawn(FxRobot robot) {
        robot.interact(() -> {
            for (int s = 1; s <= 20; s++) {
                data.apply(step(s, 0.1 * s));
            }
            view.dashboard().renderAll();
        });
        LineChartCanvas reward = view.dashboard().lineChart("reward/mean");
        assertThat(reward.traces()).extracting(Trace::comparison).containsExactly(false);

        robot.interact(() -> {
            // what MainWindow does on a ROLLBACK to step 12: keep 12..20, then the new branch overwrites 13..
            view.compareWith(data.copyFrom(12, "branch 0"));
            for (int s = 13; s <= 15; s++) {
                data.apply(step(s, -1));
            }
            view.dashboard().renderAll();
        });
        assertThat(reward.traces()).extracting(Trace::comparison).containsExactly(false, true);
        Trace old = reward.traces().get(1);
        assertThat(old.series().size()).isEqualTo(9);
        assertThat(old.series().stepAt(0)).isEqualTo(12);
        assertThat(old.series().valueAt(8)).isEqualTo(2.0f);
        assertThat(data.series("reward/mean").lastStep()).isEqualTo(15);
        assertThat(data.series("reward/mean").valueAt(data.series("reward/mean").size() - 1)).isEqualTo(-1f);
    }
}
