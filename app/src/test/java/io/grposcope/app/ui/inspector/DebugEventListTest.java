package io.grposcope.app.ui.inspector;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class DebugEventListTest {

    private final List<RunEvent> opened = new ArrayList<>();
    private final List<Long> selected = new ArrayList<>();
    private DebugEventList list;

    private static final RunEvent CHECKPOINT = RunEvent.of(25, EventType.CHECKPOINT, "checkpoint step-25");
    private static final RunEvent SPIKE = RunEvent.of(31, EventType.SPIKE, "grad/norm = 9.1 above threshold 2.0");
    private static final RunEvent ROLLBACK = RunEvent.of(25, EventType.ROLLBACK, "rolled back to step 25");

    @Start
    void start(Stage stage) {
        list = new DebugEventList(opened::add);
        list.setOnSelectStep(selected::add);
        List.of(CHECKPOINT, SPIKE, ROLLBACK).forEach(list::add);
        stage.setScene(new Scene(list, 600, 260));
        stage.show();
    }

    @Test
    void newestFirstWithACountInTheTitle() {
        assertThat(list.table().getItems()).containsExactly(ROLLBACK, SPIKE, CHECKPOINT);
        assertThat(list.title().get()).isEqualTo("Debugger events (3)");
    }

    @Test
    void onlyEventsWithACapturedStepOpenTheInspectorAndEveryRowSelectsItsStep(FxRobot robot) {
        Button inspect = robot.lookup("#debug-event-inspect").queryAs(Button.class);
        robot.interact(() -> list.table().getSelectionModel().select(CHECKPOINT));
        assertThat(inspect.isDisabled()).isTrue();
        robot.interact(inspect::fire);
        assertThat(opened).isEmpty();

        robot.interact(() -> list.table().getSelectionModel().select(SPIKE));
        assertThat(inspect.isDisabled()).isFalse();
        robot.interact(() -> list.table().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(opened).containsExactly(SPIKE);
        assertThat(selected).containsExactly(25L, 31L);
    }
}
