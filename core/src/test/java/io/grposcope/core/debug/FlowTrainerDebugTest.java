package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.engine.flow.FlowTrainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The debugger on the real flow trainer (tiny velocity MLP, CPU): capture, exact replay, per-timestep split. */
class FlowTrainerDebugTest {

    static final int PRETRAIN = 30;
    static final long PAUSE_AT = PRETRAIN + 4;

    @TempDir
    Path dir;
    private FlowTrainer run;
    private DebugSession session;

    /** Flow-GRPO with one minibatch and one epoch, so the step's grad/norm is one full-batch gradient's norm. */
    static RunConfig tinyFlow() {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(RunConfig.SCHEMA_VERSION, "flow-debug", new RunConfig.TaskConfig("flow", "point_modes", 1),
                d.policy(), new RunConfig.MethodConfig("flow_grpo", Map.of()), new RunConfig.RolloutConfig(4, 4, 1.0, 1.0, 0),
                new RunConfig.OptimizerConfig(1e-3, 0.9, 0.999, 1e-8, 0, 1.0, 0, "constant"),
                new RunConfig.PpoConfig(1, 1, 0.05, 0.05, 3.0, "token-mean", 0), new RunConfig.KlConfig(0.01, "k2"),
                new RunConfig.WarmStartConfig(0, 2e-3, 256),
                new RunConfig.FlowConfig(6, 3.0, 0.7, 0.99, PRETRAIN, 32, 5.0, "SIGMA_T_SQ"),
                new RunConfig.MetricsConfig(true, 16, 0.5, 8), 11L, "cpu", 10);
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

    private BatchCapture pauseAndCapture() throws InterruptedException {
        run = new FlowTrainer(tinyFlow(), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), 0, null, null, e -> { });
        session.breakpoints().add(Breakpoint.when("stop", "step == " + PAUSE_AT, Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(PAUSE_AT);
        long id = session.breakpoints().hits().get(0).captureId();
        assertThat(id).as("a GRPO step of a flow run is captured").isNotNegative();
        return session.captures().load(id).orElseThrow();
    }

    @Test
    void capturesAFlowStepAndReplaysItsGradientExactlyWithAPerTimestepSplit() throws Exception {
        BatchCapture batch = pauseAndCapture();
        assertThat(batch.kind()).isEqualTo(BatchCapture.KIND_FLOW);
        assertThat(batch.samples()).hasSize(16);
        CapturedSample s = batch.samples().get(3);
        assertThat(s.hasFlow()).isTrue();
        assertThat(s.responseTokens()).containsExactly(0, 1, 2, 3, 4);
        assertThat(s.tokenTextAt(2)).isEqualTo("t2");
        assertThat(s.flow().x()[0]).hasSize(2);
        assertThat(s.flow().finalPoint()).hasSize(2);
        for (int j = 0; j < s.length(); j++) {
            assertThat(s.ratio()[j]).isFinite();
            assertThat(Math.exp(s.logp()[j] - s.oldLogp()[j])).as("vanilla ratio = p/p_old at step %d", j)
                    .isCloseTo(s.ratio()[j], within(1e-4 * s.ratio()[j]));
            assertThat(s.flow().kl()[j]).isFinite().isNotNegative();
        }
        assertThat(BatchCaptureJson.read(BatchCaptureJson.write(batch))).isEqualTo(batch);
        assertThat(batch.gradNorm()).isPositive();

        int arrays = run.runOnEngine(() -> run.runManager().getManagedArrays().size()).get(10, TimeUnit.SECONDS);
        WhatIfComparison same = session.whatIf().compare(batch, ReplaySettings.original(batch)).get(60, TimeUnit.SECONDS);
        session.whatIf().attribution(batch).get(60, TimeUnit.SECONDS);
        assertThat(run.runOnEngine(() -> run.runManager().getManagedArrays().size()).get(10, TimeUnit.SECONDS))
                .as("replays release every array they make").isEqualTo(arrays);
        assertThat(same.baseline().gradNorm()).as("replay from the step's start, same settings").isEqualTo(batch.gradNorm());
        assertThat(same.baseline().loss()).isEqualTo(batch.loss());
        assertThat(same.baselineReproducesStep()).isTrue();
        assertThat(run.currentStep()).as("replay leaves the run where it was").isEqualTo(PAUSE_AT);

        ReplayResult r = same.baseline();
        assertThat(r.hasTimesteps()).isTrue();
        assertThat(r.timesteps()).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.stream(r.timestepGradNorms()).min().orElseThrow()).isPositive();
        // the whole gradient is the sum of the steps' gradients: its norm is at most the sum of their norms
        assertThat(r.gradNorm()).isLessThanOrEqualTo(Arrays.stream(r.timestepGradNorms()).sum() * (1 + 1e-9));
        assertThat(r.sampleTimestepNorms()).hasDimensions(16, 5);
        assertThat(r.sampleGradNorms()[3]).isPositive();

        WhatIfComparison perGroup = session.whatIf().compare(batch,
                ReplaySettings.original(batch).withOption(ReplaySettings.ADV_NORM, FlowDebugAdapter.STD_GROUP))
                .get(60, TimeUnit.SECONDS);
        assertThat(perGroup.alternative().gradNorm()).isNotEqualTo(perGroup.baseline().gradNorm());
        WhatIfComparison wide = session.whatIf().compare(batch, ReplaySettings.original(batch)
                .withParam("clip_high", 10).withParam("clip_low", 0.99)).get(60, TimeUnit.SECONDS);
        assertThat(wide.label()).contains("clip_high 0.05 → 10.0");
    }

    private void awaitPausedAt(long step) throws InterruptedException {
        TokenTrainerDebugTest.awaitPausedAt(run, step);
    }

    @Test
    void rollbackOnTheFlowTrainerReproducesTheBranchBitForBit() throws Exception {
        Map<Long, Map<Long, Map<String, Double>>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        run = new FlowTrainer(tinyFlow(), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), 2, null, null, e -> { });
        run.addListener((io.grposcope.core.metrics.StepListener) r -> seen.computeIfAbsent(
                session.checkpoints().orElseThrow().branch(), b -> new java.util.concurrent.ConcurrentHashMap<>())
                .put(r.step(), TokenTrainerDebugTest.comparable(r)));
        long stop = PRETRAIN + 6;
        session.breakpoints().add(Breakpoint.when("stop", "step == " + stop, Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(stop);

        BranchController.Rollback rb = session.branches().rollback(RollbackRequest.to(PRETRAIN + 3).resuming())
                .get(60, TimeUnit.SECONDS);
        assertThat(rb.restored().step()).isEqualTo(PRETRAIN + 2);
        awaitPausedAt(stop);
        for (long st = PRETRAIN + 3; st <= stop; st++) {
            assertThat(seen.get(1L).get(st)).as("step %d", st).isEqualTo(seen.get(0L).get(st));
        }
        assertThat(seen.get(0L).get(stop)).containsKeys("grad/norm", "t2/ratio/std");
    }

    @Test
    void skippingAFlowBatchAfterARollbackKeepsItsGradientButNotItsUpdate() throws Exception {
        Map<Long, Map<Long, Map<String, Double>>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();
        run = new FlowTrainer(tinyFlow(), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), 2, null, null, e -> { });
        run.addListener((io.grposcope.core.metrics.StepListener) r -> {
            seen.computeIfAbsent(session.checkpoints().orElseThrow().branch(),
                    b -> new java.util.concurrent.ConcurrentHashMap<>()).put(r.step(), TokenTrainerDebugTest.comparable(r));
            r.events().stream().filter(e -> e.type() == io.grposcope.core.metrics.EventType.SKIP)
                    .forEach(e -> skipped.add(e.step()));
        });
        long stop = PRETRAIN + 5;
        session.breakpoints().add(Breakpoint.when("stop", "step == " + stop, Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(stop);

        long spike = PRETRAIN + 3;
        session.branches().rollback(RollbackRequest.to(spike).skippingBatchAt(spike).resuming())
                .get(60, TimeUnit.SECONDS);
        awaitPausedAt(stop);
        assertThat(seen.get(1L).get(spike).get("grad/norm")).isEqualTo(seen.get(0L).get(spike).get("grad/norm"));
        assertThat(skipped).containsExactly(spike);
        assertThat(seen.get(1L).get(spike + 1).get("grad/norm")).isNotEqualTo(seen.get(0L).get(spike + 1).get("grad/norm"));
    }

    @Test
    void aSampleWithAnOutlierRewardIsRankedFirst() throws Exception {
        BatchCapture batch = pauseAndCapture();
        int victim = 6;
        List<CapturedSample> crafted = new ArrayList<>(batch.samples());
        CapturedSample s = crafted.get(victim);
        float[] rewards = s.flow().rewards().clone();
        Arrays.fill(rewards, 50f);
        FlowSteps f = s.flow();
        crafted.set(victim, new CapturedSample(s.index(), s.groupId(), s.prompt(), s.completion(), s.promptTokens(),
                s.responseTokens(), s.tokenText(), 50, s.advantage(), s.logp(), s.oldLogp(), s.refLogp(), s.ratio(),
                s.entropy(), s.clip(), new FlowSteps(f.x(), f.next(), f.oldMean(), rewards, f.groupKeys(),
                f.advantages(), f.kl(), f.finalPoint())));
        BatchCapture spiky = new BatchCapture(batch.step(), batch.kind(), batch.methodId(), batch.params(),
                batch.loss(), batch.gradNorm(), batch.layerGradNorms(), crafted);
        List<SampleAttribution> ranked = session.whatIf().attribute(spiky).get(60, TimeUnit.SECONDS);
        assertThat(ranked.get(0).index()).isEqualTo(victim);
        assertThat(ranked.stream().mapToDouble(SampleAttribution::share).sum()).isCloseTo(1.0, within(1e-9));
    }
}
