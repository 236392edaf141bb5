package io.grposcope.core.store;

/**
 * One line of the run list. {@code lastStep} is the newest step stored on any branch (-1 when none),
 * {@code lastReward} the newest "reward/mean" (NaN when none), {@code status} a {@code RunState} name
 * or "IMPORTED".
 */
public record RunSummary(long id, String name, String method, long createdMillis, long lastStep, double lastReward,
                         String status, long rootBranchId, int branchCount) {
}
