package io.grposcope.core.store;

/** A run and one of its branches: what a writer writes to and what a reader reads from. */
public record RunIds(long runId, long branchId) {
}
