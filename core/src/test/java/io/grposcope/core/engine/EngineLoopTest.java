package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineLoopTest {

    @TempDir
    Path dir;

    /** Counts steps; two warm-start steps then GRPO steps; each step waits for a permit so tests control pace. */
    static class FakeTrainer extends EngineLoop implements Checkpointable {
        final Semaphore permits = new Semaphore(0);
        final int total;
        volatile boolean released;
        double lr;

        FakeTrainer(RunConfig c, Path dir, int total) {
            super(c, dir);
            this.total = total;
        }

        @Override
        protected void open() {
            lr = config().optimizer().lr();
        }

        @Override
        protected String nextPhase() {
            return currentStep() < 2 ? StepRecord.PHASE_WARM_START : StepRecord.PHASE_GRPO;
        }

        @Override
        protected boolean hasNextStep() {
            return currentStep() < total;
        }

        @Override
        protected StepRecord runStep(long step) throws InterruptedException {
            permits.acquire();
            return StepRecord.builder(step, nextPhase()).scalar("lr", lr).build();
        }

        @Override
        protected void applyParam(LiveParam param, double value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
            if (param == LiveParam.LR) {
                lr = value;
            }
        }

        @Override
        protected void release() {
            released = true;
        }

        @Override
        public void saveState(Path d) throws IOException {
            Files.createDirectories(d);
            Files.writeString(d.resolve("step"), Long.toString(currentStep()));
        }

        @Override
        public void loadState(Path d) throws IOException {
            restoreStep(Long.parseLong(Files.readString(d.resolve("step"))));
        }
    }

    static final class Recorder implements StepListener {
        final List<StepRecord> steps = new CopyOnWriteArrayList<>();
        final List<RunEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onStep(StepRecord r) {
            steps.add(r);
        }

        @Override
        public void onEvent(RunEvent e) {
            events.add(e);
        }

        List<EventType> types() {
            return events.stream().map(RunEvent::type).toList();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(end);
            Thread.sleep(2);
        }
    }

    @Test
    void runsPhasesInOrderAndFinishes() throws Exception {
        FakeTrainer t = new FakeTrainer(RunConfig.defaults(), dir, 4);
        Recorder rec = new Recorder();
        t.addListener(rec);
        t.permits.release(4);
        t.start();
        assertThat(t.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(t.state()).isEqualTo(RunState.FINISHED);
        assertThat(rec.steps).extracting(StepRecord::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rec.types()).containsExactly(EventType.START, EventType.PHASE, EventType.PHASE, EventType.STOP);
        assertThat(rec.events.get(2).message()).isEqualTo(StepRecord.PHASE_GRPO);
        assertThat(rec.events.get(2).step()).isEqualTo(2);
        t.close();
        assertThat(t.released).isTrue();
    }

    @Test
    void pauseStepOnceParamCheckpointAndStop() throws Exception {
        FakeTrainer t = new FakeTrainer(RunConfig.defaults(), dir, 1000);
        Recorder rec = new Recorder();
        t.addListener(rec);
        t.pause();
        t.start();
        waitFor(() -> t.state() == RunState.PAUSED);
        t.permits.release(100);
        Thread.sleep(30);
        assertThat(rec.steps).isEmpty();

        t.setParam(LiveParam.LR, 0.5);
        t.setParam(LiveParam.CLIP_LOW, -1);
        t.stepOnce();
        waitFor(() -> rec.steps.size() == 1);
        Thread.sleep(30);
        assertThat(rec.steps).hasSize(1);
        assertThat(rec.steps.get(0).scalar("lr")).isEqualTo(0.5);
        assertThat(t.param(LiveParam.LR)).isEqualTo(0.5);
        assertThat(t.param(LiveParam.CLIP_LOW)).isEqualTo(RunConfig.defaults().ppo().clipLow());
        assertThat(t.state()).isEqualTo(RunState.PAUSED);

        t.checkpointNow();
        waitFor(() -> rec.types().contains(EventType.CHECKPOINT));
        assertThat(dir.resolve("checkpoints/step-1/step")).hasContent("1");

        t.resume();
        waitFor(() -> rec.steps.size() >= 3);
        t.stop();
        // on a loaded machine the engine may have used every permit before stop() was queued: let it reach a boundary
        t.permits.release(1000);
        assertThat(t.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(t.state()).isEqualTo(RunState.STOPPED);
        assertThat(rec.types()).contains(EventType.PAUSE, EventType.PARAM_CHANGE, EventType.ERROR, EventType.RESUME,
                EventType.STOP);
        assertThat(rec.events.stream().filter(e -> e.type() == EventType.PARAM_CHANGE).findFirst().orElseThrow()
                .data()).containsEntry("param", "lr").containsEntry("new", "0.5");

        long served = t.runOnEngine(() -> Thread.currentThread().getName().startsWith("grposcope-engine") ? 1L : 0L)
                .get(10, TimeUnit.SECONDS);
        assertThat(served).isEqualTo(1L);
        t.runOnEngine(() -> {
            t.loadState(dir.resolve("checkpoints/step-1"));
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertThat(t.currentStep()).isEqualTo(1);
        t.close();
        assertThatThrownBy(() -> t.runOnEngine(() -> 1).get()).hasMessageContaining("closed");
    }

    @Test
    void failingStepMarksRunFailed() throws Exception {
        FakeTrainer t = new FakeTrainer(RunConfig.defaults(), dir, 3) {
            @Override
            protected StepRecord runStep(long step) {
                throw new IllegalStateException("boom at " + step);
            }
        };
        Recorder rec = new Recorder();
        t.addListener(rec);
        t.start();
        t.awaitTermination();
        assertThat(t.state()).isEqualTo(RunState.FAILED);
        assertThat(t.failure()).hasMessage("boom at 1");
        assertThat(rec.types()).contains(EventType.ERROR);
        t.close();
    }

    @Test
    void stopBeforeStartAndUnknownKinds() {
        FakeTrainer t = new FakeTrainer(RunConfig.defaults(), dir, 3);
        t.stop();
        assertThat(t.state()).isEqualTo(RunState.STOPPED);
        t.close();
        RunConfig c = RunConfig.defaults();
        RunConfig bad = new RunConfig(c.schemaVersion(), "x", new RunConfig.TaskConfig("audio", "a", 1), c.policy(),
                c.method(), c.rollout(), c.optimizer(), c.ppo(), c.kl(), c.warmStart(), c.flow(), c.metrics(),
                c.seed(), c.device(), c.steps());
        assertThatThrownBy(() -> TrainingRuns.create(bad, dir)).hasMessageContaining("unknown task.kind 'audio'");
    }
}
