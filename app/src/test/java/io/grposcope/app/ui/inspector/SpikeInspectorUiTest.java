package io.grposcope.app.ui.inspector;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.debug.SpikeDetector;
import io.grposcope.core.debug.ToyTrainer;
import io.grposcope.core.metrics.RunEvent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless (Monocle): a run with an injected spike pauses at the spike breakpoint; clicking the spike marker
 * opens the inspector, whose top-ranked sample is the injected one; what-if and roll back work from there.
 */
@ExtendWith(ApplicationExtension.class)
class SpikeInspectorUiTest {

    static final long SPIKE_STEP = 30;
    static final int SPIKE_SAMPLE = 7;

    @TempDir
    static Path dir;
    private ToyTrainer run;
    private DebugSession session;
    private Stage stage;
    private SpikeMarkerStrip strip;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        strip = new SpikeMarkerStrip(this::open);
        strip.setPrefWidth(600);
        stage.setScene(new Scene(new VBox(strip), 640, 80));
        stage.show();
    }

    private void open(RunEvent e) {
        BatchCapture batch = session.captureFor(e).orElseThrow();
        SpikeInspectorWindow.open(stage, batch, session.layerHistory().medians(), new SessionInspectorActions(session));
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

    private void startRunToSpike() throws Exception {
        run = new ToyTrainer(RunConfig.defaults().withSeed(11), dir.resolve("run" + System.nanoTime()), 60);
        run.inject(SPIKE_STEP, SPIKE_SAMPLE);
        session = new DebugSession(run, dir.resolve("dbg" + System.nanoTime()), 10, null, null, e -> { });
        session.spikes().watch("grad/norm", SpikeDetector.Settings.defaults().withWindow(20).withMinHistory(10));
        session.breakpoints().add(Breakpoint.onSpike(Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != RunState.PAUSED) {
            assertThat(System.nanoTime()).as("run pauses at the spike").isLessThan(deadline);
            Thread.sleep(5);
        }
        WaitForAsyncUtils.asyncFx(() -> {
            strip.setRange(0, 60);
            session.events().forEach(strip::add);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void spikeMarkerOpensTheInspectorWithTheInjectedSampleRankedFirst(FxRobot robot) throws Exception {
        startRunToSpike();
        assertThat(run.currentStep()).isEqualTo(SPIKE_STEP);
        robot.clickOn("#spike-marker-" + SPIKE_STEP);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#spike-inspector").tryQuery().isPresent());
        SpikeInspectorView view = robot.lookup("#spike-inspector").queryAs(SpikeInspectorView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !Double.isNaN(view.model().rows().get(0).gradNorm()));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#ranked-samples").queryAs(TableView.class);
        InspectorModel.Row top = (InspectorModel.Row) table.getItems().get(0);
        assertThat(top.sample().index()).isEqualTo(SPIKE_SAMPLE);
        assertThat(top.share()).isGreaterThan(0.5);
        assertThat(view.model().selectedProperty().get().index()).isEqualTo(SPIKE_SAMPLE);
        assertThat(robot.lookup("#token-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#group-table").queryAs(TableView.class).getItems()).hasSize(ToyTrainer.G);
        assertThat(robot.lookup("#layer-layer0").tryQuery()).isPresent();

        screenshot(robot, view, "spike-inspector.png");
        fire(robot, "#whatif-btn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#whatif-run").tryQuery().isPresent());
        fire(robot, "#whatif-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#whatif-grad-norm").tryQuery().isPresent());
        Label alt = robot.lookup("#whatif-grad-norm").queryAs(Label.class);
        BatchCapture batch = view.model().batch();
        assertThat(alt.getText()).isEqualTo(String.format("%.6g", batch.gradNorm()));
    }

    /** With -Dgrposcope.screenshotDir=DIR, saves a picture of the node's window for a person to look at. */
    static void screenshot(FxRobot robot, javafx.scene.Node node, String name) throws Exception {
        String dirName = System.getProperty("grposcope.screenshotDir");
        if (dirName == null) {
            return;
        }
        javafx.scene.image.WritableImage img = WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        java.nio.file.Path out = Path.of(dirName).resolve(name);
        java.nio.file.Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }

    // Buttons in the windows the inspector opens are fired directly: moving the robot's mouse across windows is slow.
    private static void fire(FxRobot robot, String query) {
        javafx.scene.control.ButtonBase b = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
        robot.interact(b::fire);
    }

    @Test
    void rollBackFromTheInspectorContinuesOnANewBranch(FxRobot robot) throws Exception {
        startRunToSpike();
        // the robot's mouse travel is slow under Monocle; the other test clicks the marker with the robot
        javafx.scene.shape.Polygon marker = robot.lookup("#spike-marker-" + SPIKE_STEP).queryAs(javafx.scene.shape.Polygon.class);
        robot.interact(() -> marker.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                true, false, true, null)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rollback-btn").tryQuery().isPresent());
        fire(robot, "#rollback-btn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rollback-go").tryQuery().isPresent());
        fire(robot, "#rollback-go");
        Label status = robot.lookup("#rollback-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("restored"));
        assertThat(status.getText()).isEqualTo("restored step 20; now on branch 1");
        assertThat(session.events()).anyMatch(e -> e.type() == io.grposcope.core.metrics.EventType.ROLLBACK);
        // the new branch resumes from step 20, reaches the (still injected) spike at 30 and pauses there again
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.breakpoints().hits().size() == 2
                && run.state() == RunState.PAUSED);
        assertThat(run.currentStep()).isEqualTo(SPIKE_STEP);
        assertThat(session.checkpointsOnLineage()).extracting(c -> c.branchId() + ":" + c.step())
                .containsExactly("0:10", "0:20", "1:30");
        assertThat(Window.getWindows()).hasSizeGreaterThan(1);
    }

}
