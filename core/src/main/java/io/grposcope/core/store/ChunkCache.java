package io.grposcope.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's open scalar chunks: each series keeps its newest chunk in memory, so appending a point costs no
 * database read; a chunk that may already hold stored points (older than the newest stored one) is loaded first.
 * Dirty chunks are rewritten, summary included, at each commit.
 */
final class ChunkCache {

    private final Connection c;
    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final List<ScalarChunk> dirty = new ArrayList<>();

    private record SeriesKey(long tag, long branch) {
    }

    private static final class Series {
        long maxStoredChunk;
        ScalarChunk current;
        final Map<Long, ScalarChunk> older = new HashMap<>();
    }

    ChunkCache(Connection c) {
        this.c = c;
    }

    /** The chunk that holds {@code step} of the series, marked for writing at the next flush. */
    ScalarChunk get(long tag, long branch, long step) throws SQLException {
        long chunk = ScalarChunk.chunkOf(step);
        Series s = series(tag, branch);
        ScalarChunk cur = s.current;
        if (cur != null && cur.chunk == chunk) {
            return markDirty(cur);
        }
        if (cur == null || chunk > cur.chunk) {
            s.current = load(tag, branch, chunk, s.maxStoredChunk);
            return markDirty(s.current);
        }
        ScalarChunk old = s.older.get(chunk);
        if (old == null) {
            old = load(tag, branch, chunk, s.maxStoredChunk);
            s.older.put(chunk, old);
        }
        return markDirty(old);
    }

    /** Writes every dirty chunk with its summary; older chunks are dropped from memory afterwards. */
    void flush() throws SQLException {
        if (dirty.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scalar_chunks(tag, branch, chunk, first_step,"
                + " last_step, n, min, max, sum, nan, pinf, ninf, last_value, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT(tag, branch, chunk) DO UPDATE SET first_step = excluded.first_step,"
                + " last_step = excluded.last_step, n = excluded.n, min = excluded.min, max = excluded.max,"
                + " sum = excluded.sum, nan = excluded.nan, pinf = excluded.pinf, ninf = excluded.ninf,"
                + " last_value = excluded.last_value, data = excluded.data")) {
            for (ScalarChunk ch : dirty) {
                bind(ps, ch);
                ps.executeUpdate();
            }
        }
        for (ScalarChunk ch : dirty) {
            ch.dirty = false;
            Series s = series.get(new SeriesKey(ch.tag, ch.branch));
            s.maxStoredChunk = Math.max(s.maxStoredChunk, ch.chunk);
            s.older.clear();
        }
        dirty.clear();
    }

    /** Forgets everything (after a failed commit the database is the truth again). */
    void invalidate() {
        series.clear();
        dirty.clear();
    }

    private static void bind(PreparedStatement ps, ScalarChunk ch) throws SQLException {
        Bucket b = ch.summary();
        Rows.bind(ps, ch.tag, ch.branch, ch.chunk, b.firstStep, b.lastStep, b.finite, nullIfNaN(b.minOrNaN()),
                nullIfNaN(b.maxOrNaN()), b.sum, b.nan, b.posInf, b.negInf, nullIfNaN(b.last), ch.encode());
    }

    /** SQLite stores NaN as NULL anyway; being explicit keeps the driver out of it. */
    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private ScalarChunk markDirty(ScalarChunk ch) {
        if (!ch.dirty) {
            ch.dirty = true;
            dirty.add(ch);
        }
        return ch;
    }

    private Series series(long tag, long branch) throws SQLException {
        SeriesKey key = new SeriesKey(tag, branch);
        Series s = series.get(key);
        if (s == null) {
            s = new Series();
            s.maxStoredChunk = maxStored(tag, branch);
            series.put(key, s);
        }
        return s;
    }

    private long maxStored(long tag, long branch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT max(chunk) FROM scalar_chunks WHERE tag = ? AND branch = ?")) {
            Rows.bind(ps, tag, branch);
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
                return rs.wasNull() ? Long.MIN_VALUE : v;
            }
        }
    }

    private ScalarChunk load(long tag, long branch, long chunk, long maxStoredChunk) throws SQLException {
        if (chunk > maxStoredChunk) {
            return new ScalarChunk(tag, branch, chunk);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM scalar_chunks WHERE tag = ? AND branch = ? AND chunk = ?")) {
            Rows.bind(ps, tag, branch, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ScalarChunk.decode(tag, branch, chunk, rs.getBytes(1))
                        : new ScalarChunk(tag, branch, chunk);
            }
        }
    }
}
