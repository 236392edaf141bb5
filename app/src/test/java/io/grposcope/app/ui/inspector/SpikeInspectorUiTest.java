package io.grposcope.app.ui.inspector;

import io.grposcope.app.ui.chart.EventLog;
import io.grposcope.app.ui.chart.LineChartCanvas;
import io.grposcope.app.ui.chart.SeriesBuffer;
import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.debug.SpikeDetector;
import io.grposcope.core.debug.ToyTrainer;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless (Monocle): a run with an injected spike pauses at the spike breakpoint; clicking the spike's marker
 * in a grad/norm chart (or inspecting its row in the debugger's event list) opens the inspector, whose
 * top-ranked sample is the injected one; what-if and roll back work from there.
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
    private final XAxisLink axis = new XAxisLink();
    private final EventLog chartEvents = new EventLog();
    private final SeriesBuffer gradNorm = new SeriesBuffer("grad/norm");
    private final List<RunEvent> opened = new CopyOnWriteArrayList<>();
    private LineChartCanvas chart;
    private DebugEventList list;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        chart = new LineChartCanvas("grad/norm", axis, chartEvents, 0);
        chart.addTrace(gradNorm, "grad/norm", false, false);
        chart.setPrefSize(600, 200);
        chartEvents.setOnInspect(this::open);
        list = new DebugEventList(this::open);
        list.setOnSelectStep(axis::select);
        stage.setScene(new Scene(new VBox(chart, list), 640, 420));
        stage.show();
    }

    private void open(RunEvent e) {
        opened.add(e);
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
        ConcurrentLinkedQueue<StepRecord> steps = new ConcurrentLinkedQueue<>();
        run.addListener(steps::add);
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != RunState.PAUSED) {
            assertThat(System.nanoTime()).as("run pauses at the spike").isLessThan(deadline);
            Thread.sleep(5);
        }
        // what the run view's bridge and the debugger do on the FX thread: series, axis, chart markers, event list
        WaitForAsyncUtils.asyncFx(() -> {
            steps.forEach(r -> gradNorm.append(r.step(), r.scalars().getOrDefault("grad/norm", Double.NaN)));
            axis.extendData(run.currentStep());
            session.events().forEach(e -> {
                chartEvents.add(e);
                list.add(e);
            });
            chart.renderIfDirty();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void spikeMarkerInTheChartOpensTheInspectorWithTheInjectedSampleRankedFirst(FxRobot robot) throws Exception {
        startRunToSpike();
        assertThat(run.currentStep()).isEqualTo(SPIKE_STEP);
        // the newest step sits at the plot's right edge, where a live run's spikes appear
        Point2D marker = WaitForAsyncUtils.asyncFx(() -> chart.localToScreen(chart.markerPoint(SPIKE_STEP)))
                .get(5, TimeUnit.SECONDS);
        robot.moveTo(marker);
        assertThat(chart.getCursor()).as("a hand over a clickable marker").isEqualTo(Cursor.HAND);
        robot.clickOn(marker);
        assertThat(opened).as("the click reached the marker").singleElement()
                .satisfies(e -> assertThat(e.step()).isEqualTo(SPIKE_STEP));
        assertThat(axis.selectedStep()).as("a marker click opens, it does not select the step").isEqualTo(-1);
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
        // from the debugger's event list this time: select the spike's row (selects its step), then Inspect
        RunEvent spike = list.events().stream().filter(e -> e.type() == EventType.SPIKE).findFirst().orElseThrow();
        robot.interact(() -> list.table().getSelectionModel().select(spike));
        assertThat(axis.selectedStep()).isEqualTo(SPIKE_STEP);
        fire(robot, "#debug-event-inspect");
        assertThat(opened).containsExactly(spike);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rollback-btn").tryQuery().isPresent());
        fire(robot, "#rollback-btn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rollback-go").tryQuery().isPresent());
        fire(robot, "#rollback-go");
        Label status = robot.lookup("#rollback-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("restored"));
        assertThat(status.getText()).isEqualTo("restored step 20; now on branch 1");
        assertThat(session.events()).anyMatch(e -> e.type() == EventType.ROLLBACK);
        // the new branch resumes from step 20, reaches the (still injected) spike at 30 and pauses there again
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.breakpoints().hits().size() == 2
                && run.state() == RunState.PAUSED);
        assertThat(run.currentStep()).isEqualTo(SPIKE_STEP);
        assertThat(session.checkpointsOnLineage()).extracting(c -> c.branchId() + ":" + c.step())
                .containsExactly("0:10", "0:20", "1:30");
        assertThat(Window.getWindows()).hasSizeGreaterThan(1);
    }

}
