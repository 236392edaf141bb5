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

    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final List<ScalarChunk> dirty = new ArrayList<>();

    private record SeriesKey(long tag, long branch) {
    }

    private static final class Series {
        long maxStoredChunk;
        ScalarChunk current;
        final Map<Long, ScalarChunk> older = new HashMap<>();
    }

    private final PreparedStatement upsertSummary;
    private final PreparedStatement upsertPoints;
    private final PreparedStatement selectPoints;
    private final PreparedStatement selectMaxChunk;

    ChunkCache(Connection c) throws SQLException {
        upsertSummary = c.prepareStatement("INSERT OR REPLACE INTO scalar_chunks(tag, branch, chunk, summary)"
                + " VALUES (?,?,?,?)");
        upsertPoints = c.prepareStatement("INSERT INTO scalar_points(tag, branch, chunk, data) VALUES (?,?,?,?)"
                + " ON CONFLICT(tag, branch, chunk) DO UPDATE SET data = excluded.data");
        selectPoints = c.prepareStatement("SELECT data FROM scalar_points WHERE tag = ? AND branch = ? AND chunk = ?");
        selectMaxChunk = c.prepareStatement("SELECT max(chunk) FROM scalar_chunks WHERE tag = ? AND branch = ?");
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
        for (ScalarChunk ch : dirty) {
            Rows.bind(upsertSummary, ch.tag, ch.branch, ch.chunk, ch.summary().encode());
            upsertSummary.executeUpdate();
            Rows.bind(upsertPoints, ch.tag, ch.branch, ch.chunk, ch.encode());
            upsertPoints.executeUpdate();
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
        Rows.bind(selectMaxChunk, tag, branch);
        try (ResultSet rs = selectMaxChunk.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            return rs.wasNull() ? Long.MIN_VALUE : v;
        }
    }

    private ScalarChunk load(long tag, long branch, long chunk, long maxStoredChunk) throws SQLException {
        if (chunk > maxStoredChunk) {
            return new ScalarChunk(tag, branch, chunk);
        }
        Rows.bind(selectPoints, tag, branch, chunk);
        try (ResultSet rs = selectPoints.executeQuery()) {
            return rs.next() ? ScalarChunk.decode(tag, branch, chunk, rs.getBytes(1))
                    : new ScalarChunk(tag, branch, chunk);
        }
    }
}
