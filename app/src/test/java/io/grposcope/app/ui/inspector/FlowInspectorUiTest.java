package io.grposcope.app.ui.inspector;

import io.grposcope.core.control.RunState;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.debug.ReplayResult;
import io.grposcope.core.engine.flow.FlowTestConfigs;
import io.grposcope.core.engine.flow.FlowTrainer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless (Monocle): a flow run pauses at a capturing breakpoint; the inspector shows the captured step's
 * samples ranked by attribution, the selected sample's trained denoising steps, their per-timestep gradient
 * contributions and its trajectory; a what-if with GRPO-Guard switched on changes the per-timestep norms.
 */
@ExtendWith(ApplicationExtension.class)
class FlowInspectorUiTest {

    static final int PRETRAIN = 30;
    static final long PAUSE_AT = PRETRAIN + 3;

    @TempDir
    static Path dir;
    private FlowTrainer run;
    private DebugSession session;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theInspectorShowsAFlowStepsTimestepsContributionsAndTrajectory(FxRobot robot) throws Exception {
        run = new FlowTrainer(FlowTestConfigs.small("flow_grpo", Map.of(), PRETRAIN, 10), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("dbg"), 0, null, null, e -> { });
        session.breakpoints().add(Breakpoint.when("stop", "step == " + PAUSE_AT, Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.state() != RunState.PAUSED) {
            assertThat(run.state()).isNotIn(RunState.FAILED, RunState.FINISHED);
            assertThat(System.nanoTime()).as("run pauses at step %d", PAUSE_AT).isLessThan(deadline);
            Thread.sleep(5);
        }
        BatchCapture batch = session.captureFor(session.events().stream()
                .filter(e -> e.type() == io.grposcope.core.metrics.EventType.BREAKPOINT).findFirst().orElseThrow())
                .orElseThrow();
        assertThat(batch.kind()).isEqualTo(BatchCapture.KIND_FLOW);
        robot.interact(() -> SpikeInspectorWindow.open(stage, batch, session.layerHistory().medians(),
                new SessionInspectorActions(session)));
        SpikeInspectorView view = robot.lookup("#spike-inspector").queryAs(SpikeInspectorView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().replayProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ReplayResult replay = view.model().replayProperty().get();
        assertThat(replay.timesteps()).containsExactly(batch.samples().get(0).responseTokens());
        assertThat(view.model().rows().get(0).gradNorm()).isPositive();
        assertThat(robot.lookup("#token-0").queryAs(Label.class).getText()).isEqualTo("t0");
        assertThat(robot.lookup("#timestep-t0").tryQuery()).isPresent();
        assertThat(robot.lookup("#flow-trajectory").tryQuery()).isPresent();
        java.util.List<Object> coloring = java.util.List.copyOf(
                robot.lookup("#coloring").queryAs(javafx.scene.control.ComboBox.class).getItems());
        assertThat(coloring).doesNotContain(TokenColoring.ENTROPY).contains(TokenColoring.CONTRIBUTION);
        robot.interact(() -> view.model().coloringProperty().set(TokenColoring.CONTRIBUTION));
        var top = view.model().selectedProperty().get();
        assertThat(view.model().valueAt(top, 0)).isEqualTo(replay.sampleTimestepNorms()[top.index()][0]);
        assertThat(view.model().tooltip(top, 0)).contains("denoising step 0").contains("grad norm of this term");
        SpikeInspectorUiTest.screenshot(robot, view, "flow-inspector.png");

        robot.interact(() -> robot.lookup("#whatif-btn").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#whatif-guard").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#whatif-guard").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select("on");
            robot.lookup("#whatif-run").queryAs(javafx.scene.control.Button.class).fire();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#whatif-t0-grad-norm").tryQuery().isPresent());
        String guardT0 = robot.lookup("#whatif-t0-grad-norm").queryAs(Label.class).getText();
        assertThat(guardT0).isNotEqualTo(String.format("%.6g", replay.timestepGradNorms()[0]));
        assertThat(robot.lookup("#whatif-grad-norm").tryQuery()).isPresent();
        SpikeInspectorUiTest.screenshot(robot, robot.lookup("#whatif-view").queryAs(javafx.scene.Node.class),
                "flow-whatif.png");
    }
}
