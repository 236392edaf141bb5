package io.grposcope.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads scalar series along a lineage. Downsampling folds whole chunk summaries when buckets are at least a chunk
 * wide (bucket edges aligned to chunks), and decodes points only where a chunk straddles a range or segment edge.
 */
final class SeriesReader {

    private static final String SUMMARY = "SELECT chunk, summary FROM scalar_chunks WHERE tag = ? AND branch = ?"
            + " AND chunk BETWEEN ? AND ? ORDER BY chunk";
    private static final String DATA = "SELECT chunk, data FROM scalar_points WHERE tag = ? AND branch = ?"
            + " AND chunk BETWEEN ? AND ? ORDER BY chunk";

    private SeriesReader() {
    }

    private record Summary(long branch, long chunk, long lo, long hi, Bucket bucket) {
        boolean inside() {
            return bucket.firstStep >= lo && bucket.lastStep <= hi;
        }
    }

    static SeriesBuckets buckets(Connection c, long runId, List<LineageSegment> segs, String tag, long from, long to,
                                 int buckets) throws SQLException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        long tagId = Tags.find(c, runId, Tags.SCALAR, tag);
        List<Summary> sums = tagId < 0 ? List.of() : summaries(c, tagId, segs, from, to);
        if (sums.isEmpty()) {
            return result(tag, new Bucket[0]);
        }
        long minStep = Long.MAX_VALUE;
        long maxStep = Long.MIN_VALUE;
        for (Summary s : sums) {
            minStep = Math.min(minStep, Math.max(s.lo, s.bucket.firstStep));
            maxStep = Math.max(maxStep, Math.min(s.hi, s.bucket.lastStep));
        }
        boolean chunked = (maxStep - minStep + 1) / buckets >= Schema.CHUNK;
        long base = chunked ? minStep >> Schema.CHUNK_BITS << Schema.CHUNK_BITS : minStep;
        long width = Math.max(1, ceilDiv(maxStep - base + 1, buckets));
        if (chunked) {
            width = ceilDiv(width, Schema.CHUNK) * Schema.CHUNK;
        }
        Bucket[] out = new Bucket[(int) ((maxStep - base) / width + 1)];
        if (!chunked) {
            for (LineageSegment seg : segs) {
                long[] r = Lineages.clip(seg, from, to);
                for (ScalarChunk ch : r == null ? List.<ScalarChunk>of() : chunks(c, tagId, seg.branchId(), r)) {
                    foldPoints(out, base, width, ch, r[0], r[1]);
                }
            }
            return result(tag, out);
        }
        for (Summary s : sums) {
            if (s.inside()) {
                fold(out, (s.bucket.firstStep - base) / width).merge(s.bucket);
            } else {
                foldPoints(out, base, width, points(c, tagId, s.branch, s.chunk), s.lo, s.hi);
            }
        }
        return result(tag, out);
    }

    /** The chunks of a branch that overlap steps {@code r[0]..r[1]}, in step order. */
    private static List<ScalarChunk> chunks(Connection c, long tagId, long branch, long[] r) throws SQLException {
        return Rows.query(c, DATA, rs -> ScalarChunk.decode(tagId, branch, rs.getLong(1), rs.getBytes(2)), tagId,
                branch, ScalarChunk.chunkOf(r[0]), ScalarChunk.chunkOf(r[1]));
    }

    static RawSeries raw(Connection c, long runId, List<LineageSegment> segs, String tag, long from, long to)
            throws SQLException {
        long tagId = Tags.find(c, runId, Tags.SCALAR, tag);
        List<ScalarChunk> parts = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        int n = 0;
        for (int i = segs.size() - 1; i >= 0 && tagId >= 0; i--) {
            long[] r = Lineages.clip(segs.get(i), from, to);
            for (ScalarChunk ch : r == null ? List.<ScalarChunk>of() : chunks(c, tagId, segs.get(i).branchId(), r)) {
                parts.add(ch);
                ranges.add(r);
                n += ch.size();
            }
        }
        long[] steps = new long[n];
        long[] walls = new long[n];
        double[] values = new double[n];
        int k = 0;
        for (int p = 0; p < parts.size(); p++) {
            ScalarChunk ch = parts.get(p);
            for (int i = 0; i < ch.size(); i++) {
                if (ch.step(i) >= ranges.get(p)[0] && ch.step(i) <= ranges.get(p)[1]) {
                    steps[k] = ch.step(i);
                    walls[k] = ch.wall(i);
                    values[k++] = ch.value(i);
                }
            }
        }
        return new RawSeries(tag, Arrays.copyOf(steps, k), Arrays.copyOf(walls, k), Arrays.copyOf(values, k));
    }

    private static List<Summary> summaries(Connection c, long tagId, List<LineageSegment> segs, long from, long to)
            throws SQLException {
        List<Summary> out = new ArrayList<>();
        for (LineageSegment seg : segs) {
            long[] r = Lineages.clip(seg, from, to);
            if (r == null) {
                continue;
            }
            out.addAll(Rows.query(c, SUMMARY, rs -> new Summary(seg.branchId(), rs.getLong(1), r[0], r[1],
                    Bucket.decode(rs.getBytes(2))), tagId, seg.branchId(), ScalarChunk.chunkOf(r[0]), ScalarChunk.chunkOf(r[1])));
        }
        out.removeIf(s -> s.bucket.lastStep < s.lo || s.bucket.firstStep > s.hi);
        return out;
    }

    private static ScalarChunk points(Connection c, long tagId, long branch, long chunk) throws SQLException {
        return Rows.query(c, DATA, rs -> ScalarChunk.decode(tagId, branch, rs.getLong(1), rs.getBytes(2)), tagId,
                branch, chunk, chunk).get(0);
    }

    private static void foldPoints(Bucket[] out, long base, long width, ScalarChunk ch, long lo, long hi) {
        for (int k = 0; k < ch.size(); k++) {
            long step = ch.step(k);
            if (step >= lo && step <= hi) {
                fold(out, (step - base) / width).add(step, ch.value(k));
            }
        }
    }

    private static Bucket fold(Bucket[] out, long index) {
        int i = (int) index;
        if (out[i] == null) {
            out[i] = new Bucket();
        }
        return out[i];
    }

    private static SeriesBuckets result(String tag, Bucket[] buckets) {
        List<Bucket> kept = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b != null && !b.isEmpty()) {
                kept.add(b);
            }
        }
        int n = kept.size();
        long[] first = new long[n];
        long[] last = new long[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] mean = new double[n];
        double[] lastV = new double[n];
        long[] count = new long[n];
        long[] nonFinite = new long[n];
        for (int i = 0; i < n; i++) {
            Bucket b = kept.get(i);
            first[i] = b.firstStep;
            last[i] = b.lastStep;
            min[i] = b.minOrNaN();
            max[i] = b.maxOrNaN();
            mean[i] = b.mean();
            lastV[i] = b.last;
            count[i] = b.count();
            nonFinite[i] = b.nonFinite();
        }
        return new SeriesBuckets(tag, first, last, min, max, mean, lastV, count, nonFinite);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
