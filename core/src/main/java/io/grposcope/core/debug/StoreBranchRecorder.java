package io.grposcope.core.debug;

import io.grposcope.core.store.LineageSegment;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;

import java.util.List;

/**
 * Branches in the run store: a rollback creates a store branch forked after the restored step and points the
 * run's {@link StoreWriter} at it, so the new steps land there while the old branch keeps its whole history.
 */
public final class StoreBranchRecorder implements BranchRecorder {

    private final RunStore store;
    private final StoreWriter writer;

    public StoreBranchRecorder(RunStore store, StoreWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** The branch the writer writes to now. */
    public RunIds current() {
        return writer.ids();
    }

    @Override
    public long openBranch(long parentBranchId, long atStep, String label) {
        return store.branch(writer.ids().runId(), parentBranchId, atStep, label);
    }

    @Override
    public void activate(long branchId) {
        writer.setBranch(branchId);
    }

    @Override
    public List<CheckpointManager.LineageStep> lineage(long branchId) {
        return store.lineage(branchId).stream()
                .map((LineageSegment s) -> new CheckpointManager.LineageStep(s.branchId(), s.toStep())).toList();
    }
}
