package io.grposcope.core.store;

/** A checkpoint file written at a step of a branch. */
public record Checkpoint(long id, long runId, long branchId, long step, String path, long wallTimeMillis) {
}
