package io.grposcope.core.store;

/** Steps {@code fromStep..toStep} (inclusive) of a branch's history come from branch {@code branchId}. */
public record LineageSegment(long branchId, long fromStep, long toStep) {

    public boolean contains(long step) {
        return step >= fromStep && step <= toStep;
    }
}
