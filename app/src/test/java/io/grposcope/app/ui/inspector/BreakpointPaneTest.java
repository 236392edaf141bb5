package io.grposcope.app.ui.inspector;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.BreakpointMonitor;
import io.grposcope.core.debug.SpikeMonitor;
import io.grposcope.core.debug.ToyTrainer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class BreakpointPaneTest {

    @TempDir
    static Path dir;
    private BreakpointMonitor monitor;

    @Start
    void start(Stage stage) {
        ToyTrainer run = new ToyTrainer(RunConfig.defaults(), dir, 1);
        monitor = new BreakpointMonitor(run, new SpikeMonitor(e -> { }), null, null, e -> { });
        stage.setScene(new Scene(new BreakpointPane(monitor), 600, 300));
        stage.show();
    }

    private void enter(FxRobot robot, String text) {
        TextField f = robot.lookup("#bp-condition").queryAs(TextField.class);
        Button add = robot.lookup("#bp-add").queryAs(Button.class);
        robot.interact(() -> {
            f.setText(text);
            add.fire();
        });
    }

    @Test
    void aTypoShowsWhereAndWhatWasExpectedAndAddsNothing(FxRobot robot) {
        enter(robot, "clip/frac_region > && entropy/token_mean < 0.2");
        String err = robot.lookup("#bp-error").queryAs(Label.class).getText();
        assertThat(err).contains("column 20").contains("expected a number, a metric name").contains("^");
        assertThat(monitor.breakpoints()).isEmpty();
    }

    @Test
    void aGoodConditionBecomesABreakpointWithTheChosenAction(FxRobot robot) {
        enter(robot, "clip/frac_region > 0.3 && entropy/token_mean < 0.2");
        assertThat(robot.lookup("#bp-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(monitor.breakpoints()).singleElement().satisfies(b -> {
            assertThat(b.trigger()).isEqualTo(Breakpoint.Trigger.CONDITION);
            assertThat(b.action()).isEqualTo(Breakpoint.Action.PAUSE_AND_CAPTURE);
            assertThat(b.condition().metricNames()).containsExactly("clip/frac_region", "entropy/token_mean");
        });
        assertThat(robot.lookup("#bp-list").queryListView().getItems()).hasSize(1);
    }

    @Test
    void anEntropySeriesIsWatchedForDrops(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> series = robot.lookup("#watch-series").queryAs(
                javafx.scene.control.ComboBox.class);
        Button watch = robot.lookup("#watch-add").queryAs(Button.class);
        robot.interact(() -> {
            series.setValue("entropy/token_mean");
            watch.fire();
        });
        assertThat(monitor.spikes().watched()).containsKey("entropy/token_mean");
        assertThat(monitor.spikes().watched().get("entropy/token_mean").direction())
                .isEqualTo(io.grposcope.core.debug.SpikeDetector.Direction.DOWN);
        assertThat(robot.lookup("#watch-status").queryAs(Label.class).getText()).contains("entropy/token_mean (down");
    }
}
