package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Injected spike → detected at that step → run pauses → capture → attribution ranks the injected sample first. */
class SpikeBreakpointReplayTest {

    static final long INJECT_STEP = 30;
    static final int INJECT_SAMPLE = 7;

    @TempDir
    Path dir;
    private ToyTrainer run;
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    static void awaitState(ToyTrainer run, RunState s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != s) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not reach " + s + ", it is " + run.state() + " at step "
                        + run.currentStep());
            }
            Thread.sleep(5);
        }
    }

    private BreakpointMonitor startWithSpikeBreakpoint(Breakpoint.Action action) {
        run = new ToyTrainer(RunConfig.defaults().withSeed(11), dir, 60);
        run.inject(INJECT_STEP, INJECT_SAMPLE);
        SpikeMonitor spikes = new SpikeMonitor(events::add)
                .watch("grad/norm", SpikeDetector.Settings.defaults().withWindow(20).withMinHistory(10));
        BreakpointMonitor bp = new BreakpointMonitor(run, spikes, run, new FileCaptureSink(dir.resolve("cap")), events::add);
        bp.add(Breakpoint.onSpike(action));
        run.addListener(bp);
        run.start();
        return bp;
    }

    @Test
    void injectedSpikeIsDetectedAtItsStepPausesAndRanksTheInjectedSampleFirst() throws Exception {
        BreakpointMonitor bp = startWithSpikeBreakpoint(Breakpoint.Action.PAUSE_AND_CAPTURE);
        awaitState(run, RunState.PAUSED);

        assertThat(run.currentStep()).isEqualTo(INJECT_STEP);
        assertThat(bp.spikes().spikes()).extracting(Spike::step).containsExactly(INJECT_STEP);
        assertThat(bp.hits()).hasSize(1);
        BreakpointHit hit = bp.hits().get(0);
        assertThat(hit.step()).isEqualTo(INJECT_STEP);
        assertThat(events).extracting(RunEvent::type).contains(EventType.SPIKE, EventType.BREAKPOINT, EventType.CAPTURE);

        BatchCapture batch = new FileCaptureSink(dir.resolve("cap")).load(hit.captureId()).orElseThrow();
        assertThat(batch.step()).isEqualTo(INJECT_STEP);
        assertThat(batch.gradNorm()).isEqualTo(bp.spikes().spikes().get(0).value());

        WhatIfReplay replay = new WhatIfReplay(run::runOnEngine, run);
        List<SampleAttribution> ranked = replay.attribute(batch).get(10, TimeUnit.SECONDS);
        assertThat(ranked.get(0).index()).isEqualTo(INJECT_SAMPLE);
        assertThat(ranked.get(0).share()).isGreaterThan(0.5);
        assertThat(ranked.stream().mapToDouble(SampleAttribution::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.currentStep()).as("replay applies no update").isEqualTo(INJECT_STEP);
    }

    @Test
    void captureOnlyBreakpointDoesNotPause() throws Exception {
        BreakpointMonitor bp = startWithSpikeBreakpoint(Breakpoint.Action.CAPTURE_ONLY);
        assertThat(run.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(bp.hits()).extracting(BreakpointHit::step).contains(INJECT_STEP);
        assertThat(new FileCaptureSink(dir.resolve("cap")).list()).extracting(CaptureSink.Entry::step)
                .contains(INJECT_STEP);
        assertThat(events).extracting(RunEvent::type).doesNotContain(EventType.PAUSE);
    }

    @Test
    void whatIfWithOriginalSettingsReproducesTheStepsGradNormExactly() throws Exception {
        BreakpointMonitor bp = startWithSpikeBreakpoint(Breakpoint.Action.PAUSE_AND_CAPTURE);
        awaitState(run, RunState.PAUSED);
        BatchCapture batch = new FileCaptureSink(dir.resolve("cap")).load(bp.hits().get(0).captureId()).orElseThrow();
        WhatIfReplay replay = new WhatIfReplay(run::runOnEngine, run);

        WhatIfComparison same = replay.compare(batch, ReplaySettings.original(batch)).get(10, TimeUnit.SECONDS);
        assertThat(same.baselineReproducesStep()).isTrue();
        assertThat(same.alternative().gradNorm()).isEqualTo(batch.gradNorm());
        assertThat(same.label()).isEqualTo("same settings");

        WhatIfComparison half = replay.compare(batch, ReplaySettings.original(batch).withParam("adv_scale", 0.5))
                .get(10, TimeUnit.SECONDS);
        assertThat(half.gradNormRatio()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(half.layers()).extracting(WhatIfComparison.LayerRow::layer).containsExactly("layer0", "layer1");

        WhatIfComparison without = replay.compare(batch, ReplaySettings.original(batch).excluding(INJECT_SAMPLE))
                .get(10, TimeUnit.SECONDS);
        assertThat(without.gradNormRatio()).isLessThan(0.2);
        assertThat(without.label()).contains("without samples [7]");
    }
}
