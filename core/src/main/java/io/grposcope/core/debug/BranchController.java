package io.grposcope.core.debug;

import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.engine.Checkpointable;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Roll back and branch: pauses the run, restores the newest checkpoint at or before the chosen step on the
 * current lineage, opens a child branch in the {@link BranchRecorder} (the old branch stays, with its history),
 * then queues the parameter changes and the batch to skip, and resumes if asked. All model work happens on the
 * engine thread.
 */
public final class BranchController {

    /** The result: which checkpoint was restored and the branch that continues from it. */
    public record Rollback(CheckpointInfo restored, long fromBranch, long newBranch) {
    }

    private final TrainingRun run;
    private final EngineExecutor engine;
    private final Checkpointable trainer;
    private final CheckpointManager checkpoints;
    private final BranchRecorder branches;
    private final Consumer<RunEvent> events;

    public BranchController(TrainingRun run, EngineExecutor engine, Checkpointable trainer,
                            CheckpointManager checkpoints, BranchRecorder branches, Consumer<RunEvent> events) {
        this.run = run;
        this.engine = engine;
        this.trainer = trainer;
        this.checkpoints = checkpoints;
        this.branches = branches;
        this.events = events;
    }

    public CompletableFuture<Rollback> rollback(RollbackRequest req) {
        RunState state = run.state();
        boolean ended = run instanceof io.grposcope.core.engine.EngineLoop loop && loop.canReopen();
        if (state != RunState.RUNNING && state != RunState.PAUSED && !ended) {
            return CompletableFuture.failedFuture(new IllegalStateException("the run is " + state.name()
                    .toLowerCase() + "; rolling back needs a run that is training, paused, finished or stopped"));
        }
        run.pause();
        CompletableFuture<Rollback> done = engine.submit(() -> {
            Rollback r = restore(req);
            // a finished or stopped run trains again, paused, on the new branch once this command returns
            if (run instanceof io.grposcope.core.engine.EngineLoop loop && loop.canReopen()) {
                loop.reopenAfterRollback();
            }
            return r;
        });
        return done.thenApply(r -> {
            req.paramChanges().forEach(run::setParam);
            if (req.resume()) {
                run.resume();
            }
            return r;
        });
    }

    private Rollback restore(RollbackRequest req) throws IOException {
        if (req.skipBatchAtStep() >= 0 && !(trainer instanceof BatchSkipping)) {
            // refuse before anything changes: the run stays where it was
            throw new IllegalStateException(trainer.getClass().getSimpleName() + " cannot skip batches");
        }
        long from = checkpoints.branch();
        CheckpointInfo ckpt = checkpoints.latestAtOrBefore(req.toStep(), branches.lineage(from))
                .orElseThrow(() -> new IllegalStateException("no checkpoint at or before step " + req.toStep()
                        + " on branch " + from + " (checkpoints: " + checkpoints.list() + ")"));
        trainer.loadState(ckpt.dir());
        long to = branches.openBranch(from, ckpt.step(), req.label());
        if (req.skipBatchAtStep() >= 0) {
            skip(req.skipBatchAtStep());
        }
        events.accept(new RunEvent(ckpt.step(), System.currentTimeMillis(), EventType.ROLLBACK,
                "rolled back to step " + ckpt.step() + ": branch " + from + " → " + to + " (" + req.label() + ")",
                data(req, ckpt, from, to)));
        branches.activate(to);
        checkpoints.setBranch(to);
        return new Rollback(ckpt, from, to);
    }

    private void skip(long step) {
        ((BatchSkipping) trainer).skipBatchAtStep(step);
    }

    private static Map<String, String> data(RollbackRequest req, CheckpointInfo ckpt, long from, long to) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("from_branch", Long.toString(from));
        d.put("branch", Long.toString(to));
        d.put("step", Long.toString(ckpt.step()));
        d.put("checkpoint", ckpt.dir().toString());
        d.put("skip_batch", Long.toString(req.skipBatchAtStep()));
        for (Map.Entry<LiveParam, Double> e : req.paramChanges().entrySet()) {
            d.put("set." + e.getKey().key(), Double.toString(e.getValue()));
        }
        return d;
    }
}
