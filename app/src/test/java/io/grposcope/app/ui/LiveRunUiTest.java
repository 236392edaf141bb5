package io.grposcope.app.ui;

import io.grposcope.app.ui.chart.LineChartCanvas;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.app.ui.run.RunLauncher;
import io.grposcope.app.ui.run.RunView;
import io.grposcope.app.ui.run.RunViewModel;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the real window headless (Monocle), trains a tiny real run and drives it like a person: start, see
 * the step counter and a chart's point count grow, pause and see them stop, single-step by one, change the
 * learning rate and find the PARAM_CHANGE event in the store, then close the view and check it let go.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunUiTest {
    @TempDir
    static Path dir;
    private static RunStore store;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        GrpoScopeApp.applyTheme(false);
        store = RunStore.open(dir.resolve("workspace.db"));
        window = new MainWindow(new RunLauncher(store, dir.resolve("runs")), Glossary.load(), GrpoScopeApp::applyTheme);
        Scene scene = new Scene(window, 1200, 760);
        GrpoScopeApp.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static RunConfig tiny() {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(d.schemaVersion(), "ui-test", d.task(), new RunConfig.PolicyConfig(32, 2, 1, 24),
                d.method(), new RunConfig.RolloutConfig(2, 4, 1.0, 1.0, 4), d.optimizer(), d.ppo(), d.kl(),
                new RunConfig.WarmStartConfig(2, 1e-3, 8), d.flow(), d.metrics(), 7L, "cpu", 10_000);
    }

    @Test
    void startPauseStepChangeLrAndClose(FxRobot robot) throws Exception {
        RunView view = fx(() -> window.openLive(tiny()));
        RunViewModel vm = view.viewModel();
        Label stepLabel = robot.lookup("#stepLabel").queryAs(Label.class);
        robot.clickOn("#start");
        waitFor(60, () -> vm.stepProperty().get() >= 4);
        LineChartCanvas reward = view.dashboard().lineChart("reward/mean");
        long p1 = fx(reward::pointCount);
        waitFor(30, () -> reward.pointCount() > p1 && vm.stepProperty().get() > 4);
        assertThat(fx(stepLabel::getText)).startsWith("step ");

        robot.clickOn("#pause");
        waitFor(30, () -> vm.stateProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        long pausedStep = fx(() -> vm.stepProperty().get());
        int pausedPoints = fx(reward::pointCount);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(pausedStep);
        assertThat(fx(reward::pointCount)).isEqualTo(pausedPoints);

        robot.clickOn("#step");
        waitFor(30, () -> vm.stepProperty().get() == pausedStep + 1);
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(pausedStep + 1);
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(RunState.PAUSED);

        robot.clickOn("#param-lr").eraseText(12).write("0.0005");
        robot.clickOn("#apply-lr");
        robot.clickOn("#step");
        waitFor(30, () -> vm.stepProperty().get() == pausedStep + 2);
        RunIds ids = runIds();
        waitFor(10, () -> paramEvents(ids).size() == 1);
        RunEvent e = paramEvents(ids).get(0);
        assertThat(e.data()).containsEntry("param", "lr");
        assertThat(Double.parseDouble(e.data().get("new"))).isEqualTo(5e-4);

        // a value the run takes another way (as a rollback sets it) shows in its field once steps arrive
        vm.run().setParam(io.grposcope.core.control.LiveParam.CLIP_HIGH, 0.28);
        robot.clickOn("#step");
        waitFor(30, () -> vm.stepProperty().get() == pausedStep + 3);
        waitFor(10, () -> robot.lookup("#param-clip_high").queryAs(javafx.scene.control.TextField.class).getText()
                .equals("0.28"));

        int axisListeners = fx(() -> view.dashboard().axis().listenerCount());
        assertThat(axisListeners).isPositive();
        fx(() -> {
            window.tabs().getTabs().remove(window.tabs().getSelectionModel().getSelectedItem());
            return null;
        });
        assertThat(view.isClosed()).isTrue();
        assertThat(vm.isAttached()).isFalse();
        assertThat(fx(() -> view.dashboard().axis().listenerCount())).isZero();
        assertThat(fx(() -> view.dashboard().plots().size())).isEqualTo(0);
    }

    private RunIds runIds() {
        long runId = store.runs().stream().filter(r -> r.name().equals("ui-test")).findFirst().orElseThrow().id();
        return new RunIds(runId, store.run(runId).orElseThrow().rootBranchId());
    }

    private static List<RunEvent> paramEvents(RunIds ids) {
        return store.events(ids, 0, Long.MAX_VALUE).stream().filter(e -> e.type() == EventType.PARAM_CHANGE).toList();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }
}
