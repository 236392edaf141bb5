package io.grposcope.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace schema as an ordered list of forward migrations; migration i (1-based) brings a database from
 * version i-1 to i. Opening runs the missing ones in one transaction and refuses databases newer than the list.
 * Scalars are stored in chunks of {@link #CHUNK} steps per (tag, branch): the packed points in scalar_points and a
 * small packed summary in scalar_chunks, so a series of a million points is drawn from ~4k summary rows
 * (see docs/decisions/0002-run-store-layout.md).
 */
final class Schema {

    static final int CHUNK_BITS = 8;
    static final int CHUNK = 1 << CHUNK_BITS;

    static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE runs(id INTEGER PRIMARY KEY, name TEXT NOT NULL, method TEXT NOT NULL,
              created INTEGER NOT NULL, config_json TEXT NOT NULL, config_schema INTEGER NOT NULL,
              status TEXT NOT NULL, root_branch INTEGER, last_step INTEGER NOT NULL DEFAULT -1, last_reward REAL);
            CREATE TABLE branches(id INTEGER PRIMARY KEY, run INTEGER NOT NULL, parent INTEGER NOT NULL,
              fork_step INTEGER NOT NULL, created INTEGER NOT NULL, label TEXT NOT NULL);
            CREATE INDEX branches_run ON branches(run);
            CREATE TABLE tags(id INTEGER PRIMARY KEY, run INTEGER NOT NULL, kind INTEGER NOT NULL, name TEXT NOT NULL,
              UNIQUE(run, kind, name));
            CREATE TABLE steps(branch INTEGER NOT NULL, step INTEGER NOT NULL, wall INTEGER NOT NULL,
              phase TEXT NOT NULL, PRIMARY KEY(branch, step)) WITHOUT ROWID;
            CREATE TABLE scalar_chunks(tag INTEGER NOT NULL, branch INTEGER NOT NULL, chunk INTEGER NOT NULL,
              summary BLOB NOT NULL, PRIMARY KEY(tag, branch, chunk)) WITHOUT ROWID;
            CREATE TABLE scalar_points(tag INTEGER NOT NULL, branch INTEGER NOT NULL, chunk INTEGER NOT NULL,
              data BLOB NOT NULL, UNIQUE(tag, branch, chunk));
            CREATE TABLE hist_edges(id INTEGER PRIMARY KEY, edges BLOB NOT NULL UNIQUE);
            CREATE TABLE histograms(tag INTEGER NOT NULL, branch INTEGER NOT NULL, step INTEGER NOT NULL,
              edges INTEGER NOT NULL, counts BLOB NOT NULL, min REAL, max REAL, n INTEGER NOT NULL, sum REAL,
              sumsq REAL, nan INTEGER NOT NULL, pinf INTEGER NOT NULL, ninf INTEGER NOT NULL,
              UNIQUE(tag, branch, step));
            CREATE TABLE layer_sets(id INTEGER PRIMARY KEY, names TEXT NOT NULL UNIQUE);
            CREATE TABLE layer_norms(branch INTEGER NOT NULL, step INTEGER NOT NULL, layer_set INTEGER NOT NULL,
              norms BLOB NOT NULL, PRIMARY KEY(branch, step));
            CREATE TABLE samples(branch INTEGER NOT NULL, step INTEGER NOT NULL, idx INTEGER NOT NULL,
              group_id INTEGER NOT NULL, prompt TEXT NOT NULL, completion TEXT NOT NULL, reward REAL,
              advantage REAL, length INTEGER NOT NULL, PRIMARY KEY(branch, step, idx));
            CREATE TABLE events(id INTEGER PRIMARY KEY, run INTEGER NOT NULL, branch INTEGER NOT NULL,
              step INTEGER NOT NULL, wall INTEGER NOT NULL, type TEXT NOT NULL, message TEXT NOT NULL,
              data_json TEXT NOT NULL);
            CREATE INDEX events_branch ON events(branch, step);
            CREATE TABLE checkpoints(id INTEGER PRIMARY KEY, run INTEGER NOT NULL, branch INTEGER NOT NULL,
              step INTEGER NOT NULL, path TEXT NOT NULL, wall INTEGER NOT NULL);
            CREATE INDEX checkpoints_branch ON checkpoints(branch, step);
            CREATE TABLE captures(id INTEGER PRIMARY KEY, run INTEGER NOT NULL, branch INTEGER NOT NULL,
              step INTEGER NOT NULL, wall INTEGER NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL, blob BLOB);
            CREATE INDEX captures_branch ON captures(branch, step);
            """);

    private Schema() {
    }

    static int latestVersion(List<String> migrations) {
        return migrations.size();
    }

    /** Version recorded in the database, 0 for an empty one, -1 for a SQLite file that is not a workspace. */
    static int storedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(name = 'schema_version') FROM sqlite_master"
                     + " WHERE type = 'table'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
            if (rs.getInt(2) == 0) {
                return -1;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Runs the missing migrations in one IMMEDIATE transaction, re-reading the version under the write lock so two
     * processes opening a new workspace at once do not both migrate it. Returns the version found under the lock.
     */
    static int migrate(Connection c, List<String> migrations) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int from = storedVersion(c);
                if (from >= 0 && from < migrations.size()) {
                    s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
                    for (int v = from + 1; v <= migrations.size(); v++) {
                        for (String sql : migrations.get(v - 1).split(";")) {
                            if (!sql.isBlank()) {
                                s.executeUpdate(sql);
                            }
                        }
                        s.executeUpdate("INSERT INTO schema_version(version) VALUES (" + v + ")");
                    }
                }
                s.execute("COMMIT");
                return from;
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
