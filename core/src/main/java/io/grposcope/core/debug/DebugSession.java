package io.grposcope.core.debug;

import io.grposcope.core.engine.Checkpointable;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TokenTrainer;
import io.grposcope.core.metrics.RunEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything the debugger attaches to one run, wired together: spike monitor and breakpoints (one step listener),
 * checkpoints every N steps, rollback-and-branch, what-if replay and the captured batches. Which parts work
 * depends on what the trainer offers ({@link Checkpointable}, {@link CaptureSource}, {@link ReplayBackend});
 * the others say so when used.
 */
public final class DebugSession implements AutoCloseable {

    private final EngineLoop run;
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final SpikeMonitor spikes;
    private final BreakpointMonitor breakpoints;
    private final LayerNormHistory layers = new LayerNormHistory(50);
    private final CaptureSink captures;
    private final CheckpointManager checkpoints;
    private final BranchController branches;
    private final BranchRecorder branchRecorder;
    private final ReplayBackend backend;
    private PreStepStates stepStates;
    private io.grposcope.core.metrics.StepListener adapter;
    private java.util.function.LongConsumer afterRollback = s -> { };

    /**
     * @param dir        where captures and checkpoints go
     * @param checkpointEvery steps between checkpoints (0 = only on request)
     * @param out        also receives every debugger event (the store writer, the UI bridge)
     */
    public DebugSession(EngineLoop run, Path dir, int checkpointEvery, BranchRecorder branchRecorder,
                        CaptureSink captureSink, Consumer<RunEvent> out) {
        this.run = run;
        Consumer<RunEvent> record = e -> {
            events.add(e);
            if (e.type() == io.grposcope.core.metrics.EventType.ROLLBACK) {
                this.afterRollback.accept(e.step());
            }
            out.accept(e);
        };
        this.branchRecorder = branchRecorder != null ? branchRecorder : new BranchTree();
        this.captures = captureSink != null ? captureSink : new FileCaptureSink(dir.resolve("captures"));
        this.spikes = SpikeMonitor.withDefaults(record);
        CaptureSource source = run instanceof CaptureSource s ? s : null;
        ReplayBackend replay = run instanceof ReplayBackend rb ? rb : null;
        Path prestep = dir.resolve("prestep");
        TrainerAdapter a = run instanceof TokenTrainer t ? new TokenDebugAdapter(t, new PreStepStates(t, prestep))
                : run instanceof io.grposcope.core.engine.flow.FlowTrainer f
                ? new FlowDebugAdapter(f, new PreStepStates(f, prestep)) : null;
        if (a != null) {
            run.addListener(a);
            this.adapter = a;
            source = a;
            replay = a;
            this.afterRollback = a.states()::afterStep;
            this.stepStates = a.states();
        }
        this.backend = replay;
        this.breakpoints = new BreakpointMonitor(run, spikes, source, captures, record);
        if (run instanceof Checkpointable c) {
            this.checkpoints = new CheckpointManager(dir.resolve("checkpoints"), c, checkpointEvery, record);
            this.branches = new BranchController(run, run::runOnEngine, c, checkpoints,
                    this.branchRecorder, record);
            run.addListener(checkpoints);
        } else {
            this.checkpoints = null;
            this.branches = null;
        }
        run.addListener(layers);
        run.addListener(breakpoints);
    }

    public SpikeMonitor spikes() {
        return spikes;
    }

    public BreakpointMonitor breakpoints() {
        return breakpoints;
    }

    public LayerNormHistory layerHistory() {
        return layers;
    }

    public CaptureSink captures() {
        return captures;
    }

    /** Debugger events so far (spikes, breakpoints, captures, checkpoints, rollbacks), oldest first. */
    public List<RunEvent> events() {
        return List.copyOf(events);
    }

    public Optional<CheckpointManager> checkpoints() {
        return Optional.ofNullable(checkpoints);
    }

    /** Checkpoints on the current branch's lineage (its own and its ancestors' up to each fork), by step. */
    public List<CheckpointInfo> checkpointsOnLineage() {
        if (checkpoints == null) {
            return List.of();
        }
        List<CheckpointManager.LineageStep> lineage = branchRecorder.lineage(checkpoints.branch());
        return checkpoints.list().stream()
                .filter(c -> lineage.stream().anyMatch(l -> l.branchId() == c.branchId() && c.step() <= l.lastStep()))
                .sorted(java.util.Comparator.comparingLong(CheckpointInfo::step)).toList();
    }

    public BranchRecorder branchRecorder() {
        return branchRecorder;
    }

    public BranchController branches() {
        if (branches == null) {
            throw new IllegalStateException(run.getClass().getSimpleName() + " cannot save its state, so it cannot "
                    + "be rolled back");
        }
        return branches;
    }

    public WhatIfReplay whatIf() {
        if (backend == null) {
            throw new IllegalStateException(run.getClass().getSimpleName() + " cannot replay a batch");
        }
        return new WhatIfReplay(run::runOnEngine, backend);
    }

    /** The capture behind an event: the one it names ("capture" in its data), else one made at its step. */
    public Optional<BatchCapture> captureFor(RunEvent e) {
        String id = e.data().get("capture");
        if (id != null && Long.parseLong(id) >= 0) {
            return captures.load(Long.parseLong(id));
        }
        return captures.list().stream().filter(c -> c.step() == e.step()).findFirst()
                .flatMap(c -> captures.load(c.id()));
    }

    /**
     * A session that keeps its events, captures, branches and checkpoints in the run store: the run's store
     * writer receives the debugger's events, rollbacks open store branches, checkpoints are listed in the store.
     */
    public static DebugSession withStore(EngineLoop run, Path dir, int checkpointEvery,
                                         io.grposcope.core.store.RunStore store,
                                         io.grposcope.core.store.StoreWriter writer, Consumer<RunEvent> out) {
        StoreBranchRecorder branches = new StoreBranchRecorder(store, writer);
        DebugSession s = new DebugSession(run, dir, checkpointEvery, branches,
                new StoreCaptureSink(store, branches::current), e -> {
                    writer.onEvent(e);
                    out.accept(e);
                });
        s.checkpoints().ifPresent(c -> {
            c.setBranch(writer.ids().branchId());
            c.onWritten(i -> store.addCheckpoint(new io.grposcope.core.store.RunIds(writer.ids().runId(),
                    i.branchId()), i.step(), i.dir()));
        });
        return s;
    }

    /**
     * Whether to write the trainer's state after every step so replays start from the captured step's own
     * weights (on by default for the token trainer; costs one state write per step).
     */
    public void keepStepStates(boolean on) {
        if (stepStates != null) {
            stepStates.setEnabled(on);
        }
    }

    /** Removes the debugger's listeners from the run. */
    @Override
    public void close() {
        run.removeListener(breakpoints);
        run.removeListener(layers);
        if (adapter != null) {
            run.removeListener(adapter);
        }
        if (checkpoints != null) {
            run.removeListener(checkpoints);
        }
    }
}
