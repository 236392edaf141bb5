package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.engine.TokenTrainer;
import io.grposcope.core.metrics.StepListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The debugger on the real token trainer (tiny transformer, CPU): capture, replay, attribution, rollback. */
class TokenTrainerDebugTest {

    @TempDir
    Path dir;
    private TokenTrainer run;
    private DebugSession session;

    /** One PPO epoch of one minibatch, so the step's grad/norm is the norm of one full-batch gradient. */
    static RunConfig tiny(int steps) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(d.schemaVersion(), "debug-tiny", new RunConfig.TaskConfig("token", "addition", 1),
                new RunConfig.PolicyConfig(32, 2, 1, 16), d.method(), new RunConfig.RolloutConfig(3, 4, 1.0, 1.0, 5),
                d.optimizer(), new RunConfig.PpoConfig(1, 1, 0.2, 0.2, 3.0, "token-mean", 0.0), d.kl(),
                new RunConfig.WarmStartConfig(3, 1e-3, 16), d.flow(), d.metrics(), 5, "cpu", steps);
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

    private void startPausingAt(long step, int checkpointEvery) throws InterruptedException {
        run = new TokenTrainer(tiny(20), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), checkpointEvery, null, null, e -> { });
        session.breakpoints().add(Breakpoint.when("stop", "step == " + step, Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(step);
    }

    private void awaitPausedAt(long step) throws InterruptedException {
        awaitPausedAt(run, step);
    }

    /** Waits (up to 2 min) until a real trainer is paused at {@code step}; fails if it ends first. */
    static void awaitPausedAt(io.grposcope.core.engine.EngineLoop run, long step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (run.state() != RunState.PAUSED || run.currentStep() != step) {
            assertThat(run.state()).isNotIn(RunState.FAILED, RunState.FINISHED);
            assertThat(System.nanoTime()).as("pause at step %d", step).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void capturesReplaysAttributesAndComparesOnTheTokenTrainer() throws Exception {
        startPausingAt(8, 0);
        BatchCapture batch = session.captures().load(session.breakpoints().hits().get(0).captureId()).orElseThrow();
        assertThat(batch.step()).isEqualTo(8);
        assertThat(batch.samples()).hasSize(12);
        assertThat(batch.layerGradNorms()).isNotEmpty();
        assertThat(batch.samples().get(0).logp()).doesNotContain(Float.NaN);
        // a batch whose groups all have equal rewards has no gradient and would make the comparisons below vacuous
        assertThat(batch.gradNorm()).as("the captured step has a gradient").isPositive();

        WhatIfReplay replay = session.whatIf();
        WhatIfComparison same = replay.compare(batch, ReplaySettings.original(batch)).get(60, TimeUnit.SECONDS);
        // From the step's starting weights, one minibatch in rollout order as the engine ran it: exactly the same
        assertThat(same.baseline().gradNorm()).isEqualTo(batch.gradNorm());
        assertThat(same.alternative().gradNorm()).isEqualTo(same.baseline().gradNorm());
        assertThat(same.baseline().loss()).isEqualTo(batch.loss());
        assertThat(run.currentStep()).as("replay leaves the run where it was").isEqualTo(8);

        WhatIfComparison dr = replay.compare(batch, ReplaySettings.original(batch).withMethod("dr_grpo"))
                .get(60, TimeUnit.SECONDS);
        assertThat(dr.alternative().gradNorm()).isNotEqualTo(dr.baseline().gradNorm());
        assertThat(dr.label()).contains("method grpo → dr_grpo");

        List<SampleAttribution> ranked = replay.attribute(batch).get(60, TimeUnit.SECONDS);
        assertThat(ranked).hasSize(12);
        assertThat(ranked.stream().mapToDouble(SampleAttribution::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aCraftedHugeAdvantageIsRankedFirst() throws Exception {
        startPausingAt(6, 0);
        BatchCapture batch = session.captures().load(session.breakpoints().hits().get(0).captureId()).orElseThrow();
        int victim = 5;
        List<CapturedSample> crafted = new ArrayList<>(batch.samples());
        CapturedSample s = crafted.get(victim);
        crafted.set(victim, new CapturedSample(s.index(), s.groupId(), s.prompt(), s.completion(), s.promptTokens(),
                s.responseTokens(), s.tokenText(), s.reward(), 100.0, s.logp(), s.oldLogp(), s.refLogp(), s.ratio(),
                s.entropy(), s.clip()));
        BatchCapture spiky = new BatchCapture(batch.step(), batch.kind(), batch.methodId(), batch.params(),
                batch.loss(), batch.gradNorm(), batch.layerGradNorms(), crafted);
        List<SampleAttribution> ranked = session.whatIf().attribute(spiky).get(60, TimeUnit.SECONDS);
        assertThat(ranked.get(0).index()).isEqualTo(victim);
        WhatIfComparison c = session.whatIf().compare(spiky, ReplaySettings.original(spiky)).get(60, TimeUnit.SECONDS);
        assertThat(c.baseline().gradNorm()).isGreaterThan(5 * batch.gradNorm());
    }

    @Test
    void rollbackOnTheTokenTrainerReproducesTheBranchBitForBit() throws Exception {
        Map<Long, Map<Long, Map<String, Double>>> seen = new ConcurrentHashMap<>();
        run = new TokenTrainer(tiny(20), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), 3, null, null, e -> { });
        run.addListener((StepListener) r -> seen.computeIfAbsent(session.checkpoints().orElseThrow().branch(),
                b -> new ConcurrentHashMap<>()).put(r.step(), comparable(r)));
        session.breakpoints().add(Breakpoint.when("stop", "step == 10", Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(10);

        BranchController.Rollback rb = session.branches().rollback(RollbackRequest.to(7).resuming())
                .get(60, TimeUnit.SECONDS);
        assertThat(rb.restored().step()).isEqualTo(6);
        awaitPausedAt(10);
        for (long s = 7; s <= 10; s++) {
            assertThat(seen.get(1L).get(s)).as("step %d", s).isEqualTo(seen.get(0L).get(s));
        }
        assertThat(seen.get(0L).get(8L)).containsKey("grad/norm");
    }

    @Test
    void rollingBackAndSkippingTheSpikeBatchScoresItButLeavesTheWeights() throws Exception {
        Map<Long, Map<Long, Map<String, Double>>> seen = new ConcurrentHashMap<>();
        List<io.grposcope.core.metrics.RunEvent> skips = new java.util.concurrent.CopyOnWriteArrayList<>();
        run = new TokenTrainer(tiny(20), dir.resolve("run"));
        session = new DebugSession(run, dir.resolve("debug"), 3, null, null, e -> { });
        run.addListener((StepListener) r -> {
            seen.computeIfAbsent(session.checkpoints().orElseThrow().branch(), b -> new ConcurrentHashMap<>())
                    .put(r.step(), comparable(r));
            r.events().stream().filter(e -> e.type() == io.grposcope.core.metrics.EventType.SKIP).forEach(skips::add);
        });
        session.breakpoints().add(Breakpoint.when("stop", "step == 9", Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(9);

        session.branches().rollback(RollbackRequest.to(7).skippingBatchAt(7).resuming()).get(60, TimeUnit.SECONDS);
        awaitPausedAt(9);
        // step 7 starts from the same state and draws the same batch: same gradient, but no update is applied
        assertThat(seen.get(1L).get(7L).get("grad/norm")).isEqualTo(seen.get(0L).get(7L).get("grad/norm"));
        assertThat(skips).extracting(io.grposcope.core.metrics.RunEvent::step).containsExactly(7L);
        assertThat(seen.get(1L).get(8L).get("grad/norm")).as("step 8 starts from other weights")
                .isNotEqualTo(seen.get(0L).get(8L).get("grad/norm"));
    }

    /** Everything a step reports except wall-clock timings. */
    static Map<String, Double> comparable(io.grposcope.core.metrics.StepRecord r) {
        Map<String, Double> m = new TreeMap<>();
        r.scalars().forEach((k, v) -> {
            if (!k.startsWith("timing_s/") && !k.startsWith("perf/")) {
                m.put(k, v);
            }
        });
        r.layerGradNorms().forEach((k, v) -> m.put("layer/" + k, v));
        return m;
    }
}
