package io.grposcope.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.SampleRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Row mapping for runs, branches, events, checkpoints, captures, samples and steps. */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** Runs {@code sql} (which takes branch, lo, hi) once per lineage segment, oldest first. */
    static <T> List<T> alongLineage(Connection c, List<LineageSegment> segments, long from, long to, String sql,
                                    RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        for (int i = segments.size() - 1; i >= 0; i--) {
            long[] r = Lineages.clip(segments.get(i), from, to);
            if (r != null) {
                out.addAll(query(c, sql, mapper, segments.get(i).branchId(), r[0], r[1]));
            }
        }
        return out;
    }

    static double nullableDouble(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    static String string(Connection c, String sql, Object... args) throws SQLException {
        List<String> r = query(c, sql, rs -> rs.getString(1), args);
        return r.isEmpty() ? null : r.get(0);
    }

    static Optional<BranchInfo> branch(Connection c, long id) throws SQLException {
        return query(c, "SELECT id, run, parent, fork_step, created, label FROM branches WHERE id = ?", Rows::branchRow,
                id).stream().findFirst();
    }

    static List<BranchInfo> branches(Connection c, long runId) throws SQLException {
        return query(c, "SELECT id, run, parent, fork_step, created, label FROM branches WHERE run = ? ORDER BY id",
                Rows::branchRow, runId);
    }

    private static BranchInfo branchRow(ResultSet rs) throws SQLException {
        return new BranchInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6));
    }

    static List<RunSummary> runs(Connection c, Long onlyId) throws SQLException {
        String sql = "SELECT r.id, r.name, r.method, r.created, r.last_step, r.last_reward, r.status, r.root_branch,"
                + " (SELECT count(*) FROM branches b WHERE b.run = r.id) FROM runs r"
                + (onlyId == null ? " ORDER BY r.id" : " WHERE r.id = ?");
        RowMapper<RunSummary> m = rs -> new RunSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5), nullableDouble(rs, 6), rs.getString(7), rs.getLong(8), rs.getInt(9));
        return onlyId == null ? query(c, sql, m) : query(c, sql, m, onlyId);
    }

    static List<String> tags(Connection c, long runId, int kind) throws SQLException {
        return query(c, "SELECT name FROM tags WHERE run = ? AND kind = ? ORDER BY name", rs -> rs.getString(1),
                runId, kind);
    }

    static void insertEvent(Connection c, RunIds ids, RunEvent e) throws SQLException {
        SqliteRunStore.insert(c, "INSERT INTO events(run, branch, step, wall, type, message, data_json)"
                + " VALUES (?,?,?,?,?,?,?)", ids.runId(), ids.branchId(), e.step(), e.wallTimeMillis(), e.type().name(),
                e.message(), toJson(e.data()));
    }

    static List<RunEvent> events(Connection c, List<LineageSegment> segs, long from, long to) throws SQLException {
        return alongLineage(c, segs, from, to, "SELECT step, wall, type, message, data_json FROM events"
                + " WHERE branch = ? AND step BETWEEN ? AND ? ORDER BY step, id", rs -> new RunEvent(rs.getLong(1),
                rs.getLong(2), EventType.valueOf(rs.getString(3)), rs.getString(4), fromJson(rs.getString(5))));
    }

    static List<Checkpoint> checkpoints(Connection c, List<LineageSegment> segs) throws SQLException {
        return alongLineage(c, segs, Long.MIN_VALUE, Long.MAX_VALUE, "SELECT id, run, branch, step, path, wall"
                + " FROM checkpoints WHERE branch = ? AND step BETWEEN ? AND ? ORDER BY step, id",
                rs -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6)));
    }

    static Optional<CapturedBatch> capture(Connection c, long id) throws SQLException {
        return query(c, "SELECT id, run, branch, step, kind, json, blob, wall FROM captures WHERE id = ?",
                Rows::captureRow, id).stream().findFirst();
    }

    static List<CapturedBatch> captures(Connection c, List<LineageSegment> segs) throws SQLException {
        return alongLineage(c, segs, Long.MIN_VALUE, Long.MAX_VALUE, "SELECT id, run, branch, step, kind, json,"
                + " x'' AS blob, wall FROM captures WHERE branch = ? AND step BETWEEN ? AND ? ORDER BY step, id",
                Rows::captureRow);
    }

    private static CapturedBatch captureRow(ResultSet rs) throws SQLException {
        byte[] blob = rs.getBytes(7);
        return new CapturedBatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), blob == null ? new byte[0] : blob, rs.getLong(8));
    }

    static List<SampleRow> samples(Connection c, long branch, long step) throws SQLException {
        return query(c, "SELECT idx, group_id, prompt, completion, reward, advantage, length FROM samples"
                + " WHERE branch = ? AND step = ? ORDER BY idx", rs -> new SampleRow(rs.getInt(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), nullableDouble(rs, 5), nullableDouble(rs, 6), rs.getInt(7)),
                branch, step);
    }

    static List<StepInfo> steps(Connection c, List<LineageSegment> segs, long from, long to) throws SQLException {
        return alongLineage(c, segs, from, to, "SELECT step, wall, phase FROM steps WHERE branch = ?"
                + " AND step BETWEEN ? AND ? ORDER BY step", rs -> new StepInfo(rs.getLong(1), rs.getLong(2),
                rs.getString(3)));
    }

    static String toJson(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
    }

    static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("stored event data is not valid JSON: " + json, e);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing on shutdown: nothing left to save
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the original error is the one worth reporting
        }
    }

    static void autoCommitQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next use reports the broken connection
        }
    }
}
