package io.grposcope.app.ui.bench;

import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.config.ConfigLoader;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.debug.WhatIfReplay;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.engine.flow.FlowMethods;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Attribution bench (not a test): trains a config up to its 5th GRPO step, captures that batch and times the
 * inspector's attribution replay (whole batch + each sample alone, per-timestep split for flow runs) four times.
 * {@code java -cp <app test classpath> io.grposcope.app.ui.bench.AttributionBench CONFIG.yaml}
 */
public final class AttributionBench {

    private AttributionBench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        MethodRegistry.load(AttributionBench.class.getClassLoader()).available().forEach(p -> ids.add(p.id()));
        FlowMethods.providers().forEach(p -> ids.add(p.id()));
        RunConfig c = new ConfigLoader(ids).load(Path.of(args[0]));
        boolean flow = "flow".equals(c.task().kind());
        long stop = (flow ? c.flow().pretrainSteps() : c.warmStart().steps()) + 5;
        Path dir = Files.createTempDirectory("grposcope-attr");
        try (EngineLoop run = TrainingRuns.create(c, dir)) {
            DebugSession s = new DebugSession(run, dir.resolve("debug"), 0, null, null, e -> { });
            s.breakpoints().add(Breakpoint.when("stop", "step == " + stop, Breakpoint.Action.PAUSE_AND_CAPTURE));
            run.start();
            while (run.state() != RunState.PAUSED) {
                if (run.state() == RunState.FAILED || run.state() == RunState.FINISHED) {
                    throw new IllegalStateException("run ended before step " + stop + ": " + run.failure());
                }
                Thread.sleep(20);
            }
            BatchCapture b = s.captures().load(s.breakpoints().hits().get(0).captureId()).orElseThrow();
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                WhatIfReplay.Attribution a = s.whatIf().attribution(b).get(300, TimeUnit.SECONDS);
                System.out.printf("%s step %d: %d samples x %d %s: attribution replay %.0f ms (top share %.3f)%n",
                        c.name(), b.step(), b.samples().size(), b.samples().get(0).length(),
                        flow ? "trained steps" : "tokens (longest)", (System.nanoTime() - t0) / 1e6,
                        a.ranked().get(0).share());
            }
            s.close();
        }
    }
}
