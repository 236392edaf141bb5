package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.LineChartCanvas;
import io.grposcope.app.ui.chart.PlotCanvas;
import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.core.engine.flow.report.FlowComparison;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless: a flow run (pretraining, then GRPO, with the run-level names the flow trainer writes) gets only charts
 * it can fill, every one of them filled; its GRPO phase is focused after a long pretraining, and "GRPO only"
 * toggles between that phase and the whole run. A token run keeps its charts and whole-run axis.
 */
@ExtendWith(ApplicationExtension.class)
class FlowDashboardTest {
    /** Run-level scalars of a flow GRPO step (core.engine.flow.FlowTrainer / FlowMetrics / FlowEval). */
    private static final List<String> FLOW_GRPO = List.of("reward/mean", "reward/std_batch", "reward/std_group_mean",
            "reward/frac_zero_std", "reward/hit_rate", "eval/reward/mean", "eval/hit_rate", "eval/grpo_step",
            "ratio/mean", "ratio/std", "clip/frac_high", "clip/frac_low", "clip/frac_abs_gt_eps", "clip/frac_region",
            "kl/ref", "loss/policy", "flow/trained_steps", "grad/norm", "lr", "grpo/step", "timing_s/rollout",
            "timing_s/update", "t0/ratio/std", "t0/clip/frac_abs_gt_eps", "t0/grad/share");
    private static final List<String> TOKEN_ONLY = List.of("entropy/token_mean", "len/mean", "perf/throughput",
            "warm_start/loss");

    private final RunData flowData = new RunData("flow");
    private final RunData tokenData = new RunData("token");
    private RunView flowView;
    private RunView tokenView;

    @Start
    void start(Stage stage) {
        flowView = new RunView(new RunViewModel("flow", flowData), Glossary.load());
        tokenView = new RunView(new RunViewModel("token", tokenData), Glossary.load());
        stage.setScene(new Scene(new javafx.scene.layout.VBox(flowView, tokenView), 1000, 700));
        stage.show();
    }

    /** {@code pretrain} pretraining steps then {@code grpo} GRPO steps, with the engine's PHASE events. */
    private static void flowRun(RunData d, int pretrain, int grpo) {
        d.apply(RunEvent.of(0, EventType.PHASE, StepRecord.PHASE_PRETRAIN));
        for (int s = 1; s <= pretrain; s++) {
            d.apply(StepRecord.builder(s, StepRecord.PHASE_PRETRAIN).scalar("loss/fm", 1.0 / s)
                    .scalar("grad/norm", 0.5).build());
        }
        if (grpo > 0) {
            d.apply(RunEvent.of(pretrain, EventType.PHASE, StepRecord.PHASE_GRPO));
        }
        for (int s = pretrain + 1; s <= pretrain + grpo; s++) {
            StepRecord.Builder b = StepRecord.builder(s, StepRecord.PHASE_GRPO);
            FLOW_GRPO.forEach(t -> b.scalar(t, 0.5));
            for (int k : new int[] {0, 2, 10}) {
                b.histogram("t" + k + "/log_ratio", Histogram.of(Histogram.linearEdges(-0.2, 0.2, 4),
                        new float[] {0.01f * k, -0.01f}));
            }
            d.apply(b.layerNorm("fc1", 0.1).build());
        }
    }

    @Test
    void aFlowRunShowsOnlyChartsItsTrainerFillsAndFocusesTheGrpoPhase(FxRobot robot) {
        robot.interact(() -> {
            flowRun(flowData, 300, 20);
            flowView.dashboard().renderAll();
            flowView.controls().syncPhases();
        });
        Dashboard d = flowView.dashboard();
        assertThat(d.isFlowLayout()).isTrue();
        TOKEN_ONLY.forEach(k -> assertThat(d.lineChart(k)).as(k).isNull());
        assertThat(d.heatmap("ratio/log")).isNull();
        assertThat(d.heatmap("adv")).isNull();
        assertThat(d.heatmap("entropy/token")).isNull();
        for (PlotCanvas p : d.plots()) {
            if (p instanceof LineChartCanvas c) {
                assertThat(c.pointCount()).as(c.titleText()).isPositive();
            }
        }
        assertThat(d.lineChart("ratio/std").pointCount()).isEqualTo(20);
        assertThat(d.lineChart("loss/fm").pointCount()).isEqualTo(300);
        // the per-timestep panel sits right below the 7 chart rows (7 charts a side), not after empty rows
        assertThat(d.plots()).hasSize(14);
        assertThat(GridPane.getRowIndex(d.lookup(".flow-panel"))).isEqualTo(7);
        robot.interact(() -> flowView.onPulse(0));
        @SuppressWarnings("unchecked")
        ComboBox<String> histograms = (ComboBox<String>) flowView.lookup("#histogramTag");
        assertThat(histograms.getItems()).containsExactly("t0/log_ratio", "t2/log_ratio", "t10/log_ratio");
        assertThat(histograms.getValue()).isEqualTo("t10/log_ratio");

        // 300 pretraining steps > 3 × 20 GRPO steps: the axis starts at the first GRPO step and follows
        XAxisLink axis = d.axis();
        assertThat(axis.start()).isEqualTo(301);
        assertThat(axis.following()).isTrue();
        ToggleButton grpoOnly = (ToggleButton) flowView.lookup("#grpoOnly");
        assertThat(grpoOnly.isSelected()).isTrue();

        robot.interact(grpoOnly::fire);
        assertThat(axis.start()).isEqualTo(0);
        assertThat(axis.end()).isEqualTo(320);
        robot.interact(() -> {
            grpoOnly.fire();
            flowData.apply(StepRecord.builder(321, StepRecord.PHASE_GRPO).scalar("reward/mean", 0.9).build());
            d.renderAll();
        });
        assertThat(axis.start()).isEqualTo(301);
        assertThat(axis.end()).isEqualTo(321);
    }

    @Test
    void aTokenRunKeepsItsChartsAndWholeRunAxisButCanFocusGrpo(FxRobot robot) {
        robot.interact(() -> {
            tokenData.apply(RunEvent.of(0, EventType.PHASE, StepRecord.PHASE_WARM_START));
            for (int s = 1; s <= 30; s++) {
                tokenData.apply(StepRecord.builder(s, StepRecord.PHASE_WARM_START).scalar("warm_start/loss", 1).build());
            }
            tokenData.apply(RunEvent.of(30, EventType.PHASE, StepRecord.PHASE_GRPO));
            for (int s = 31; s <= 70; s++) {
                tokenData.apply(StepRecord.builder(s, StepRecord.PHASE_GRPO).scalar("reward/mean", 0.1)
                        .scalar("entropy/token_mean", 1).build());
            }
            tokenView.dashboard().renderAll();
        });
        Dashboard d = tokenView.dashboard();
        assertThat(d.isFlowLayout()).isFalse();
        assertThat(d.lineChart("entropy/token_mean").pointCount()).isEqualTo(40);
        assertThat(d.heatmap("ratio/log")).isNotNull();
        assertThat(d.axis().start()).isEqualTo(0);
        assertThat(d.phases().grpoStart()).isEqualTo(31);

        robot.interact(() -> d.phases().showGrpoOnly());
        assertThat(d.axis().start()).isEqualTo(31);
        assertThat(d.phases().isGrpoOnly()).isTrue();
    }

    @Test
    void aLiveFlowRunsConfigPicksTheFlowChartsBeforeDataAndAZoomIsNotOverridden(FxRobot robot) {
        RunData data = new RunData("live flow");
        Dashboard[] d = new Dashboard[1];
        robot.interact(() -> {
            d[0] = new Dashboard(data, Glossary.load(), () -> 0.01, () -> 0.01, () -> 1.0,
                    FlowComparison.baseConfig(60, 1500, 1));
            d[0].renderAll();
        });
        assertThat(d[0].isFlowLayout()).isTrue();
        assertThat(d[0].lineChart("ratio/mean")).isNotNull();
        assertThat(d[0].lineChart("entropy/token_mean")).isNull();

        robot.interact(() -> {
            flowRun(data, 200, 0);
            d[0].renderAll();
            d[0].axis().zoom(100, 0.5);
            flowRunGrpo(data, 201);
            d[0].renderAll();
        });
        assertThat(d[0].phases().grpoStart()).isEqualTo(201);
        assertThat(d[0].axis().following()).isFalse();
        assertThat(d[0].axis().start()).isEqualTo(50);
        robot.interact(() -> d[0].dispose());
    }

    @Test
    void everyFlowChartHasAGlossaryTooltip() {
        Glossary g = Glossary.load();
        for (ChartSpec spec : ChartSpec.flowDashboard()) {
            assertThat(g.entry(spec.key())).as(spec.key()).isPresent();
            spec.tags().stream().flatMap(List::stream).forEach(t -> assertThat(g.entry(t)).as(t).isPresent());
        }
    }

    private static void flowRunGrpo(RunData d, int step) {
        d.apply(RunEvent.of(step - 1, EventType.PHASE, StepRecord.PHASE_GRPO));
        d.apply(StepRecord.builder(step, StepRecord.PHASE_GRPO).scalar("reward/mean", 0.3).build());
    }
}
