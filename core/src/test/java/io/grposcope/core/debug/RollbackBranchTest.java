package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.grposcope.core.debug.SpikeBreakpointReplayTest.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints every N steps; rolling back and re-running gives the original branch bit for bit. */
class RollbackBranchTest {

    @TempDir
    Path dir;
    private ToyTrainer run;
    private CheckpointManager ckpts;
    private BranchTree tree;
    private BranchController branches;
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    /** grad/norm by branch and step. */
    private final Map<Long, Map<Long, Double>> norms = new ConcurrentHashMap<>();
    /** loss/total by branch and step (depends on the weights continuously, unlike the toy's gradient). */
    private final Map<Long, Map<Long, Double>> losses = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    private void start() throws InterruptedException {
        run = new ToyTrainer(RunConfig.defaults().withSeed(5), dir, 100);
        ckpts = new CheckpointManager(dir.resolve("ckpt"), run, 5, events::add);
        tree = new BranchTree();
        branches = new BranchController(run, run::runOnEngine, run, ckpts, tree, events::add);
        BreakpointMonitor bp = new BreakpointMonitor(run, new SpikeMonitor(events::add), null, null, events::add);
        bp.add(Breakpoint.when("stop-at-15", "step == 15", Breakpoint.Action.LOG));
        bp.add(new Breakpoint("pause-15", Breakpoint.Trigger.CONDITION, Condition.parse("step == 15"),
                Breakpoint.Action.PAUSE_AND_CAPTURE, true));
        run.addListener(ckpts);
        run.addListener((StepListener) r -> norms.computeIfAbsent(ckpts.branch(), b -> new ConcurrentHashMap<>())
                .put(r.step(), r.scalar("grad/norm")));
        run.addListener((StepListener) r -> losses.computeIfAbsent(ckpts.branch(), b -> new ConcurrentHashMap<>())
                .put(r.step(), r.scalar("loss/total")));
        run.addListener(bp);
        run.start();
        awaitState(run, RunState.PAUSED);
    }

    @Test
    void rollbackReproducesTheOriginalBranchBitForBit() throws Exception {
        start();
        assertThat(run.currentStep()).isEqualTo(15);
        double[] wAt15 = run.weights();
        assertThat(ckpts.list()).extracting(CheckpointInfo::step).containsExactly(5L, 10L, 15L);

        BranchController.Rollback rb = branches.rollback(RollbackRequest.to(12).resuming()).get(10, TimeUnit.SECONDS);
        assertThat(rb.restored().step()).isEqualTo(10);
        assertThat(rb.newBranch()).isEqualTo(1);
        awaitState(run, RunState.PAUSED);
        awaitStep(15);

        for (long s = 11; s <= 15; s++) {
            assertThat(norms.get(1L).get(s)).as("step %d", s).isEqualTo(norms.get(0L).get(s));
            assertThat(losses.get(1L).get(s)).as("step %d", s).isEqualTo(losses.get(0L).get(s));
        }
        assertThat(run.weights()).isEqualTo(wAt15);
        assertThat(norms.get(0L)).hasSize(15);
        assertThat(events).filteredOn(e -> e.type() == EventType.ROLLBACK).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("branch", "1").containsEntry("step", "10"));
        assertThat(tree.lineage(1)).extracting(CheckpointManager.LineageStep::branchId).containsExactly(1L, 0L);
        assertThat(ckpts.list()).contains(new CheckpointInfo(15, 1, ckpts.dirFor(1, 15)));
    }

    @Test
    void aBranchWithAChangedParameterOrSkippedBatchDiverges() throws Exception {
        start();
        branches.rollback(RollbackRequest.to(10).withParam(LiveParam.LR, 1.0).resuming()).get(10, TimeUnit.SECONDS);
        awaitState(run, RunState.PAUSED);
        awaitStep(15);
        assertThat(run.param(LiveParam.LR)).isEqualTo(1.0);
        assertThat(norms.get(1L).get(11L)).as("same weights at the fork").isEqualTo(norms.get(0L).get(11L));
        assertThat(norms.get(1L).get(13L)).isNotEqualTo(norms.get(0L).get(13L));

        branches.rollback(RollbackRequest.to(10).skippingBatchAt(11).withParam(LiveParam.LR, 3e-4).resuming())
                .get(10, TimeUnit.SECONDS);
        awaitState(run, RunState.PAUSED);
        awaitStep(15);
        assertThat(losses.get(2L).get(11L)).isEqualTo(losses.get(0L).get(11L));
        assertThat(losses.get(2L).get(12L)).as("step 11's update was skipped").isNotEqualTo(losses.get(0L).get(12L));
        assertThat(tree.lineage(2)).extracting(CheckpointManager.LineageStep::branchId).containsExactly(2L, 1L, 0L);
    }

    @Test
    void rollbackWithoutACheckpointSaysWhy() throws Exception {
        start();
        assertThatThrownBy(() -> branches.rollback(RollbackRequest.to(3)).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("no checkpoint at or before step 3");
    }

    @Test
    void aStoppedRunRollsBackAndTrainsAgainOnTheNewBranch() throws Exception {
        start();
        run.stop();
        assertThat(run.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.state()).isEqualTo(RunState.STOPPED);

        BranchController.Rollback rb = branches.rollback(RollbackRequest.to(12).resuming()).get(10, TimeUnit.SECONDS);
        assertThat(rb.restored().step()).isEqualTo(10);
        awaitStep(15);
        for (long s = 11; s <= 15; s++) {
            assertThat(norms.get(1L).get(s)).as("step %d", s).isEqualTo(norms.get(0L).get(s));
        }
        run.resume();
        assertThat(run.awaitTermination(1, TimeUnit.SECONDS)).as("terminated once; still true").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != RunState.FINISHED) {
            assertThat(System.nanoTime()).as("the new branch trains to the last step").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(run.currentStep()).isEqualTo(100);
        assertThat(events).anyMatch(e -> e.type() == io.grposcope.core.metrics.EventType.ROLLBACK);
    }

    private void awaitStep(long s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.currentStep() != s || run.state() != RunState.PAUSED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not pause at step " + s + ": " + run.currentStep());
            }
            Thread.sleep(5);
        }
    }
}
