package io.grposcope.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Tag names are stored once per run and kind; data rows carry the small id. */
final class Tags {

    static final int SCALAR = 0;
    static final int HISTOGRAM = 1;

    private Tags() {
    }

    /** The id of an existing tag, or -1. */
    static long find(Connection c, long runId, int kind, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tags WHERE run = ? AND kind = ? AND name = ?")) {
            ps.setLong(1, runId);
            ps.setInt(2, kind);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    static long findOrCreate(Connection c, long runId, int kind, String name) throws SQLException {
        long id = find(c, runId, kind, name);
        if (id >= 0) {
            return id;
        }
        return SqliteRunStore.insert(c, "INSERT INTO tags(run, kind, name) VALUES (?,?,?)", runId, kind, name);
    }
}
