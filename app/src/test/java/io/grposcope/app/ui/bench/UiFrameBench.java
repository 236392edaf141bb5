package io.grposcope.app.ui.bench;

import io.grposcope.app.ui.GrpoScopeApp;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.app.ui.run.FrameStats;
import io.grposcope.app.ui.run.RunView;
import io.grposcope.app.ui.run.RunViewModel;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Frame-time bench (not a test): a run view with N steps of history (default 1,000,000) in every chart,
 * fed 20 new steps per second through the real bridge by a synthetic producer thread, measured for
 * 15 s after 5 s of warm-up. Prints pulse-interval and FX-work percentiles. Run under Xvfb, e.g.
 * {@code DISPLAY=:99 java -cp <test classpath> io.grposcope.app.ui.bench.UiFrameBench 1000000}.
 */
public final class UiFrameBench {
    static final String[] TAGS = {"reward/mean", "grad/norm", "clip/frac_high", "clip/frac_low", "clip/frac_dual",
        "entropy/token_mean", "kl/ref", "kl/old_k1", "len/mean", "len/max", "reward/frac_zero_std",
        "reward/std_group_mean", "loss/policy", "loss/total", "lr", "perf/throughput", "warm_start/loss"};
    static int history = 1_000_000;

    public static void main(String[] args) {
        if (args.length > 0) {
            history = Integer.parseInt(args[0]);
        }
        // A plain main class: JavaFX on the class path refuses to start from an Application subclass.
        Application.launch(BenchApp.class, args);
    }

    /** The bench window. */
    public static final class BenchApp extends Application {
        @Override
        public void start(Stage stage) {
            UiFrameBench.start(stage);
        }
    }

    static void start(Stage stage) {
        GrpoScopeApp.applyTheme(false);
        SyntheticRun run = new SyntheticRun();
        RunViewModel vm = new RunViewModel("bench", run);
        long t0 = System.nanoTime();
        Random r = new Random(1);
        Histogram[] pool = new Histogram[16];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = SyntheticRun.histogram(r);
        }
        for (long s = 1; s <= history; s++) {
            vm.data().apply(SyntheticRun.record(s, r, pool[(int) (s % pool.length)]));
        }
        System.out.printf("preloaded %d steps in %.1f s%n", history, (System.nanoTime() - t0) / 1e9);
        RunView view = new RunView(vm, Glossary.load());
        Scene scene = new Scene(view, 1580, 980);
        GrpoScopeApp.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
        run.next = history + 1;
        vm.start();
        Thread measure = new Thread(() -> measure(view, run), "bench");
        measure.setDaemon(true);
        measure.start();
    }

    private static void measure(RunView view, SyntheticRun run) {
        sleep(5000);
        FrameStats stats = view.frameStats();
        Platform.runLater(stats::clear);
        long before = run.next;
        sleep(15000);
        Platform.runLater(() -> {
            System.out.printf("history %d steps, %d new steps in 15 s (%.1f steps/s), %d frames%n", history,
                    run.next - before, (run.next - before) / 15.0, stats.count());
            System.out.printf("pulse interval ms: p50 %.2f p95 %.2f p99 %.2f max %.2f%n", stats.intervalMillis(50),
                    stats.intervalMillis(95), stats.intervalMillis(99), stats.intervalMillis(100));
            System.out.printf("FX work per pulse ms: p50 %.2f p95 %.2f p99 %.2f max %.2f%n", stats.workMillis(50),
                    stats.workMillis(95), stats.workMillis(99), stats.workMillis(100));
            run.stop();
            Platform.exit();
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Emits synthetic noisy steps at 20 Hz on its own thread, as an engine would. Bench only. */
    static final class SyntheticRun implements TrainingRun {
        private final List<StepListener> listeners = new CopyOnWriteArrayList<>();
        private volatile RunState state = RunState.NEW;
        volatile long next = 1;

        static Histogram histogram(Random r) {
            float[] v = new float[64];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (r.nextGaussian() * 0.1);
            }
            return Histogram.of(Histogram.linearEdges(-0.5, 0.5, 24), v);
        }

        static StepRecord record(long s, Random r) {
            return record(s, r, null);
        }

        /** {@code h}: a ready histogram to reuse (fast preload), or null to build fresh ones. */
        static StepRecord record(long s, Random r, Histogram h) {
            StepRecord.Builder b = StepRecord.builder(s, StepRecord.PHASE_GRPO);
            for (int i = 0; i < TAGS.length; i++) {
                double spike = r.nextInt(5000) == 0 ? 20 : 0;
                b.scalar(TAGS[i], 0.5 + 0.3 * Math.exp(-s / 3e5) * (i + 1) + 0.05 * r.nextGaussian() + spike);
            }
            for (String tag : new String[] {"log_ratio", "adv", "entropy"}) {
                b.histogram(tag, h != null ? h : histogram(r));
            }
            for (int l = 0; l < 6; l++) {
                b.layerNorm("layer" + l, Math.exp(r.nextGaussian()));
            }
            return b.build();
        }

        @Override
        public void start() {
            state = RunState.RUNNING;
            Thread t = new Thread(() -> {
                Random r = new Random(2);
                while (state == RunState.RUNNING) {
                    StepRecord rec = record(next++, r);
                    listeners.forEach(l -> l.onStep(rec));
                    sleep(50);
                }
            }, "synthetic-engine");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public RunConfig config() {
            return RunConfig.defaults();
        }

        @Override
        public void addListener(StepListener l) {
            listeners.add(l);
        }

        @Override
        public void removeListener(StepListener l) {
            listeners.remove(l);
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void stepOnce() {
        }

        @Override
        public void stop() {
            state = RunState.STOPPED;
        }

        @Override
        public void setParam(LiveParam p, double v) {
        }

        @Override
        public double param(LiveParam p) {
            return 0.2;
        }

        @Override
        public void checkpointNow() {
        }

        @Override
        public RunState state() {
            return state;
        }

        @Override
        public long currentStep() {
            return next - 1;
        }

        @Override
        public void awaitTermination() {
        }

        @Override
        public void close() {
            stop();
        }
    }
}
