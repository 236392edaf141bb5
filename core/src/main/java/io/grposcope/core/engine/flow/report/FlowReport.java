package io.grposcope.core.engine.flow.report;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the flow comparison (vanilla Flow-GRPO, GRPO-Guard, TempFlow-GRPO at equal seed and budget) as
 * {@code report.md} plus PNG plots: per-timestep ratio mean and spread, clip fractions by advantage sign,
 * TempFlow's step weights and per-step reward std, and reward curves.
 */
public final class FlowReport {
    public static final String VANILLA = "flow_grpo";
    public static final String GUARD = "grpo_guard";
    public static final String TEMPFLOW = "tempflow_grpo";
    private static final String[] METHODS = {VANILLA, GUARD, TEMPFLOW};

    private final RunConfig base;
    private final Map<String, List<StepRecord>> runs;
    private final int steps;

    public FlowReport(RunConfig base, Map<String, List<StepRecord>> runs) {
        this.base = base;
        this.runs = runs;
        this.steps = (int) Math.floor(base.flow().denoisingSteps() * base.flow().timestepFraction() + 1e-9);
    }

    public static List<String> methods() {
        return List.of(METHODS);
    }

    /** Mean over GRPO steps of a per-timestep scalar, for k = 0..K−1. */
    double[] perStep(String method, String metric) {
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            out[k] = mean(method, "t" + k + "/" + metric);
        }
        return out;
    }

    double mean(String method, String key) {
        double s = 0;
        int n = 0;
        for (StepRecord r : runs.get(method)) {
            double v = r.scalar(key);
            if (Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** (GRPO step, value) pairs of a run-level scalar where present. */
    double[][] curve(String method, String key, String stepKey) {
        List<double[]> pts = new ArrayList<>();
        for (StepRecord r : runs.get(method)) {
            double v = r.scalar(key);
            if (Double.isFinite(v)) {
                pts.add(new double[] {r.scalar(stepKey), v});
            }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        FlowReportPlots plots = new FlowReportPlots(this, steps);
        plots.writeAll(dir);
        Files.writeString(dir.resolve("report.md"), new FlowReportText(this, base, steps).markdown());
    }

    Map<String, List<StepRecord>> runs() {
        return runs;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e-3 && v != 0 ? "%.2e" : "%.4f", v);
    }
}
