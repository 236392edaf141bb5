package io.grposcope.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Resolves a branch to the segments of its history; branch rows never change, so they are cached. */
final class Lineages {

    private final Map<Long, BranchInfo> cache = new ConcurrentHashMap<>();

    BranchInfo branch(SqliteRunStore store, long id) {
        BranchInfo b = cache.get(id);
        if (b == null) {
            b = store.read("read branch " + id, c -> Rows.branch(c, id))
                    .orElseThrow(() -> new StoreException("no branch " + id + " in " + store.path()));
            cache.put(id, b);
        }
        return b;
    }

    /** Newest segment first: the branch's own steps after its fork, then each ancestor up to the fork step. */
    List<LineageSegment> segments(SqliteRunStore store, long branchId) {
        List<LineageSegment> out = new ArrayList<>();
        long hi = Long.MAX_VALUE;
        long cur = branchId;
        while (cur != 0) {
            BranchInfo b = branch(store, cur);
            long lo = b.isRoot() ? Long.MIN_VALUE : b.forkStep() + 1;
            if (lo <= hi) {
                out.add(new LineageSegment(cur, lo, hi));
            }
            hi = Math.min(hi, b.forkStep());
            cur = b.parentId();
        }
        return out;
    }

    /** The branch whose data a step of this lineage comes from (the newest segment if none contains it). */
    static long branchAt(List<LineageSegment> segments, long step) {
        for (LineageSegment s : segments) {
            if (s.contains(step)) {
                return s.branchId();
            }
        }
        return segments.get(0).branchId();
    }

    /** The part of a segment inside {@code from..to}, or null when they do not overlap. */
    static long[] clip(LineageSegment s, long from, long to) {
        long lo = Math.max(s.fromStep(), from);
        long hi = Math.min(s.toStep(), to);
        return lo > hi ? null : new long[] {lo, hi};
    }
}
