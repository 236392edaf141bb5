package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.BranchInfo;
import io.grposcope.core.store.RawSeries;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Spikes, captures, checkpoints and branches land in the SQLite run store; both branches keep their history. */
class StoreDebugTest {

    @TempDir
    Path dir;
    private RunStore store;
    private StoreWriter writer;
    private ToyTrainer run;
    private DebugSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (run != null) {
            run.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void awaitPausedAt(long step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != RunState.PAUSED || run.currentStep() != step) {
            assertThat(System.nanoTime()).as("pause at %d", step).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void spikeCaptureRollbackAndBothBranchesAreInTheStore() throws Exception {
        store = RunStore.open(dir.resolve("ws.db"));
        RunConfig config = RunConfig.defaults().withSeed(11);
        RunIds root = store.createRun(config, "spiky");
        writer = store.writer(root);
        run = new ToyTrainer(config, dir.resolve("run"), 60);
        run.inject(30, 7);
        run.addListener(writer);
        session = DebugSession.withStore(run, dir.resolve("debug"), 10, store, writer, e -> { });
        session.spikes().watch("grad/norm", SpikeDetector.Settings.defaults().withWindow(20).withMinHistory(10));
        session.breakpoints().add(Breakpoint.onSpike(Breakpoint.Action.PAUSE_AND_CAPTURE));
        run.start();
        awaitPausedAt(30);

        long captureId = session.breakpoints().hits().get(0).captureId();
        BatchCapture batch = session.captures().load(captureId).orElseThrow();
        assertThat(batch.step()).isEqualTo(30);
        assertThat(store.capturedBatches(root)).extracting(c -> c.step()).containsExactly(30L);

        BranchController.Rollback rb = session.branches().rollback(RollbackRequest.to(25).skippingBatchAt(30)
                .resuming()).get(10, TimeUnit.SECONDS);
        assertThat(rb.restored().step()).isEqualTo(20);
        awaitPausedAt(30);
        writer.flush();

        RunIds branch = new RunIds(root.runId(), rb.newBranch());
        assertThat(store.branches(root.runId())).extracting(BranchInfo::id)
                .containsExactlyInAnyOrder(root.branchId(), rb.newBranch());
        List<RunEvent> events = store.events(branch, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(events).extracting(RunEvent::type).contains(EventType.SPIKE, EventType.BREAKPOINT,
                EventType.CAPTURE, EventType.CHECKPOINT, EventType.ROLLBACK);
        assertThat(store.checkpoints(branch)).extracting(c -> c.step()).contains(10L, 20L, 30L);

        RawSeries oldNorms = store.rawSeries(root, "grad/norm", 21, 30);
        RawSeries newNorms = store.rawSeries(branch, "grad/norm", 21, 30);
        assertThat(oldNorms.steps()).containsExactly(21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
        assertThat(newNorms.steps()).containsExactly(21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
        assertThat(newNorms.values()).isEqualTo(oldNorms.values());
        assertThat(store.rawSeries(branch, "grad/norm", 1, 20).size()).isEqualTo(20);
    }
}
