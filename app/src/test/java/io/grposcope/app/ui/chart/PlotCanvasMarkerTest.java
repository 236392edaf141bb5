package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Clicks on a chart's marker band: an inspectable marker opens its event, anything else selects a step. */
@ExtendWith(ApplicationExtension.class)
class PlotCanvasMarkerTest {

    private static final RunEvent SPIKE = RunEvent.of(40, EventType.SPIKE, "grad/norm spike");
    private static final RunEvent CHECKPOINT = RunEvent.of(70, EventType.CHECKPOINT, "checkpoint");

    private final XAxisLink axis = new XAxisLink();
    private final EventLog events = new EventLog();
    private final List<RunEvent> opened = new ArrayList<>();
    private LineChartCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new LineChartCanvas("grad/norm", axis, events, 0);
        axis.extendData(100);
        events.add(SPIKE);
        events.add(CHECKPOINT);
        stage.setScene(new Scene(chart, 500, 200));
        stage.show();
    }

    private void mouse(FxRobot robot, javafx.event.EventType<MouseEvent> type, Point2D p) {
        robot.interact(() -> chart.fireEvent(new MouseEvent(type, p.getX(), p.getY(), 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null)));
    }

    private Point2D marker(long step, double dx, double dy) {
        return chart.markerPoint(step).add(dx, dy);
    }

    @Test
    void aClickOnASpikeMarkerOpensItInsteadOfSelectingTheStep(FxRobot robot) {
        events.setOnInspect(opened::add);
        mouse(robot, MouseEvent.MOUSE_MOVED, marker(40, 4, 3));
        assertThat(chart.getCursor()).isEqualTo(Cursor.HAND);
        mouse(robot, MouseEvent.MOUSE_CLICKED, marker(40, 4, 3));
        assertThat(opened).containsExactly(SPIKE);
        assertThat(axis.selectedStep()).isEqualTo(-1);
    }

    @Test
    void belowTheMarkerBandOrOnAnotherKindOrWithoutADebuggerAClickSelectsTheStep(FxRobot robot) {
        events.setOnInspect(opened::add);
        mouse(robot, MouseEvent.MOUSE_CLICKED, marker(40, 0, 40));
        assertThat(axis.selectedStep()).isEqualTo(40);
        mouse(robot, MouseEvent.MOUSE_MOVED, marker(70, 0, 0));
        assertThat(chart.getCursor()).isNotEqualTo(Cursor.HAND);
        mouse(robot, MouseEvent.MOUSE_CLICKED, marker(70, 0, 0));
        assertThat(axis.selectedStep()).isEqualTo(70);
        events.setOnInspect(null);
        mouse(robot, MouseEvent.MOUSE_CLICKED, marker(40, 0, 0));
        assertThat(axis.selectedStep()).isEqualTo(40);
        assertThat(opened).isEmpty();
    }
}
