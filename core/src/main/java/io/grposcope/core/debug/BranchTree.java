package io.grposcope.core.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory {@link BranchRecorder} (root branch 0), for runs without a store and for tests. */
public final class BranchTree implements BranchRecorder {

    /** A branch: its parent (-1 for the root), the step it forked after, and a label. */
    public record Branch(long id, long parentId, long forkStep, String label) {
    }

    private final Map<Long, Branch> branches = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);

    public BranchTree() {
        branches.put(0L, new Branch(0, -1, Long.MAX_VALUE, "main"));
    }

    @Override
    public long openBranch(long parentBranchId, long atStep, String label) {
        if (!branches.containsKey(parentBranchId)) {
            throw new IllegalArgumentException("no branch " + parentBranchId + " to fork from");
        }
        long id = next.getAndIncrement();
        branches.put(id, new Branch(id, parentBranchId, atStep, label));
        return id;
    }

    @Override
    public List<CheckpointManager.LineageStep> lineage(long branchId) {
        List<CheckpointManager.LineageStep> out = new ArrayList<>();
        long last = Long.MAX_VALUE;
        Branch b = branches.get(branchId);
        while (b != null) {
            out.add(new CheckpointManager.LineageStep(b.id(), last));
            last = b.forkStep();
            b = branches.get(b.parentId());
        }
        return out;
    }

    public List<Branch> branches() {
        return branches.values().stream().sorted(java.util.Comparator.comparingLong(Branch::id)).toList();
    }
}
