package io.grposcope.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/** Opens workspace connections: checks the file first so a foreign or damaged file is never written to. */
final class SqliteConnections {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteConnections() {
    }

    /** Checks the file and its schema version, creating or migrating it; returns the version now stored. */
    static int prepare(Path db, List<String> migrations) {
        int latest = Schema.latestVersion(migrations);
        boolean exists = Files.exists(db);
        if (exists) {
            checkHeader(db);
        } else {
            createParent(db);
        }
        int version;
        try (Connection probe = DriverManager.getConnection(url(db))) {
            try (Statement s = probe.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            version = Schema.storedVersion(probe);
        } catch (SQLException e) {
            throw new StoreException(db + " is damaged or not a SQLite database (" + e.getMessage()
                    + "); it was not opened and is left unchanged", e);
        }
        if (version < 0) {
            throw new StoreException(db + " is a SQLite database but not a GRPO Scope workspace (no schema_version"
                    + " table); it was not opened and is left unchanged");
        }
        if (version > latest) {
            throw new StoreException(db + " was written by a newer GRPO Scope (schema version " + version
                    + "; this version knows up to " + latest + "). It was not opened and is left unchanged;"
                    + " open it with a newer GRPO Scope.");
        }
        if (version < latest) {
            migrate(db, version, migrations);
        }
        return latest;
    }

    private static void migrate(Path db, int version, List<String> migrations) {
        int latest = Schema.latestVersion(migrations);
        int found;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Connection c = open(db)) {
                found = Schema.migrate(c, migrations);
                break;
            } catch (SQLException e) {
                // two openers of a new workspace: switching it to WAL or upgrading a lock can report BUSY at
                // once instead of waiting (SQLite's deadlock rule); the migration re-reads the version, so retry
                if (e.getErrorCode() != SQLITE_BUSY || System.nanoTime() > deadline) {
                    throw new StoreException("cannot migrate " + db + " from schema " + version + " to " + latest
                            + ": " + e.getMessage(), e);
                }
                pause();
            }
        }
        if (found > latest || found < 0) {
            throw new StoreException(db + " changed while it was being opened (schema version " + found
                    + "); it was not migrated");
        }
    }

    private static final int SQLITE_BUSY = 5;

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for another opener of the workspace", ie);
        }
    }

    /** A read-write connection in WAL mode; commits survive a killed process (synchronous=NORMAL). */
    static Connection open(Path db) throws SQLException {
        Connection c = DriverManager.getConnection(url(db));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA cache_size = -32000");
            s.execute("PRAGMA mmap_size = 268435456");
        }
        return c;
    }

    static String url(Path db) {
        return "jdbc:sqlite:" + db.toAbsolutePath();
    }

    private static void checkHeader(Path db) {
        byte[] head = new byte[HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(db)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read workspace " + db + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            return;
        }
        if (n < HEADER.length || !Arrays.equals(head, HEADER)) {
            throw new StoreException(db + " is not a SQLite database (its first bytes are not the SQLite header);"
                    + " it was not opened and is left unchanged");
        }
    }

    private static void createParent(Path db) {
        Path parent = db.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the workspace folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
