package io.grposcope.core.store;

/**
 * A branch of a run's tree. The root has {@code parentId == 0}; any other branch shares its parent's history
 * up to and including {@code forkStep} and holds its own steps after it.
 */
public record BranchInfo(long id, long runId, long parentId, long forkStep, long createdMillis, String label) {

    public boolean isRoot() {
        return parentId == 0;
    }
}
