package io.grposcope.core.debug;

import java.util.List;

/**
 * Keeps the run's branch tree: a rollback opens a child branch that shares its parent's history up to and
 * including the restored step. The store-backed one also points the step writer at the new branch.
 */
public interface BranchRecorder {

    /** Opens a branch of {@code parentBranchId} forked after {@code atStep}; returns its id. */
    long openBranch(long parentBranchId, long atStep, String label);

    /**
     * Makes later steps and events go to {@code branchId}. Called after the ROLLBACK event was recorded, so that
     * event sits at the fork step of the shared history and shows on both branches.
     */
    default void activate(long branchId) {
    }

    /** The branch and its ancestors, each with the last step of it that the lineage includes, newest first. */
    List<CheckpointManager.LineageStep> lineage(long branchId);
}
