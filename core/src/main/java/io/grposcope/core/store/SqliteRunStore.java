package io.grposcope.core.store;

import io.grposcope.core.config.ConfigJson;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.SampleRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link RunStore} on one SQLite file in WAL mode. Synchronous writes share one connection, reads another (each
 * read runs in its own snapshot), and every {@link StoreWriter} has its own connection and thread.
 */
public final class SqliteRunStore implements RunStore {

    private final Path path;
    private final Connection control;
    private final Connection reader;
    private final Lineages lineages;
    private final List<StoreWriter> writers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SqliteRunStore(Path path, Connection control, Connection reader) {
        this.path = path;
        this.control = control;
        this.reader = reader;
        this.lineages = new Lineages();
    }

    public static SqliteRunStore open(Path db) {
        return open(db, Schema.MIGRATIONS);
    }

    static SqliteRunStore open(Path db, List<String> migrations) {
        SqliteConnections.prepare(db, migrations);
        try {
            Connection control = SqliteConnections.open(db);
            Connection reader = SqliteConnections.open(db);
            reader.setAutoCommit(false);
            return new SqliteRunStore(db, control, reader);
        } catch (SQLException e) {
            throw new StoreException("cannot open workspace " + db + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public RunIds createRun(RunConfig config, String name) {
        String runName = name == null || name.isBlank() ? config.name() : name;
        long now = System.currentTimeMillis();
        return write("create run " + runName, c -> {
            long runId = insert(c, "INSERT INTO runs(name, method, created, config_json, config_schema, status)"
                    + " VALUES (?,?,?,?,?,?)", runName, config.method().id(), now, ConfigJson.toJson(config),
                    config.schemaVersion(), "NEW");
            long branchId = insert(c, "INSERT INTO branches(run, parent, fork_step, created, label)"
                    + " VALUES (?,?,?,?,?)", runId, 0L, Long.MIN_VALUE, now, "main");
            update(c, "UPDATE runs SET root_branch = ? WHERE id = ?", branchId, runId);
            return new RunIds(runId, branchId);
        });
    }

    @Override
    public StoreWriter writer(RunIds ids) {
        return writer(ids, StoreWriter.DEFAULT_CAPACITY, StoreWriter.DEFAULT_FLUSH_MILLIS);
    }

    @Override
    public StoreWriter writer(RunIds ids, int capacity, long flushMillis) {
        ensureOpen();
        try {
            StoreWriter w = new StoreWriter(this, ids, SqliteConnections.open(path), capacity, flushMillis);
            writers.add(w);
            return w;
        } catch (SQLException e) {
            throw new StoreException("cannot open a writer on " + path + ": " + e.getMessage(), e);
        }
    }

    void writerClosed(StoreWriter w) {
        writers.remove(w);
    }

    @Override
    public long branch(long runId, long parentBranchId, long atStep, String label) {
        BranchInfo parent = lineages.branch(this, parentBranchId);
        if (parent.runId() != runId) {
            throw new StoreException("branch " + parentBranchId + " belongs to run " + parent.runId()
                    + ", not run " + runId);
        }
        String name = label == null || label.isBlank() ? "from step " + atStep : label;
        return write("create branch of " + parentBranchId, c -> insert(c,
                "INSERT INTO branches(run, parent, fork_step, created, label) VALUES (?,?,?,?,?)",
                runId, parentBranchId, atStep, System.currentTimeMillis(), name));
    }

    @Override
    public List<BranchInfo> branches(long runId) {
        return read("list branches of run " + runId, c -> Rows.branches(c, runId));
    }

    @Override
    public List<LineageSegment> lineage(long branchId) {
        return lineages.segments(this, branchId);
    }

    @Override
    public void setStatus(long runId, String status) {
        write("set status of run " + runId, c -> update(c, "UPDATE runs SET status = ? WHERE id = ?", status, runId));
    }

    @Override
    public Optional<RunConfig> config(long runId) {
        String json = read("read config of run " + runId,
                c -> Rows.string(c, "SELECT config_json FROM runs WHERE id = ?", runId));
        return Optional.ofNullable(json).map(ConfigJson::fromJson);
    }

    @Override
    public List<RunSummary> runs() {
        return read("list runs", c -> Rows.runs(c, null));
    }

    @Override
    public Optional<RunSummary> run(long runId) {
        return read("read run " + runId, c -> Rows.runs(c, runId)).stream().findFirst();
    }

    @Override
    public List<String> tags(long runId) {
        return read("list tags", c -> Rows.tags(c, runId, Tags.SCALAR));
    }

    @Override
    public List<String> histogramTags(long runId) {
        return read("list histogram tags", c -> Rows.tags(c, runId, Tags.HISTOGRAM));
    }

    @Override
    public void appendEvent(RunIds ids, RunEvent event) {
        write("append event", c -> {
            Rows.insertEvent(c, ids, event);
            return null;
        });
    }

    @Override
    public List<RunEvent> events(RunIds ids, long fromStep, long toStep) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read events", c -> Rows.events(c, segs, fromStep, toStep));
    }

    @Override
    public long addCheckpoint(RunIds ids, long step, Path file) {
        return write("add checkpoint", c -> insert(c, "INSERT INTO checkpoints(run, branch, step, path, wall)"
                + " VALUES (?,?,?,?,?)", ids.runId(), ids.branchId(), step, file.toString(), System.currentTimeMillis()));
    }

    @Override
    public List<Checkpoint> checkpoints(RunIds ids) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read checkpoints", c -> Rows.checkpoints(c, segs));
    }

    @Override
    public long addCapturedBatch(RunIds ids, long step, String kind, String json, byte[] blob) {
        return write("add captured batch", c -> insert(c, "INSERT INTO captures(run, branch, step, wall, kind, json, blob)"
                + " VALUES (?,?,?,?,?,?,?)", ids.runId(), ids.branchId(), step, System.currentTimeMillis(), kind,
                json == null ? "{}" : json, blob == null ? new byte[0] : blob));
    }

    @Override
    public Optional<CapturedBatch> capturedBatch(long captureId) {
        return read("read captured batch " + captureId, c -> Rows.capture(c, captureId));
    }

    @Override
    public List<CapturedBatch> capturedBatches(RunIds ids) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("list captured batches", c -> Rows.captures(c, segs));
    }

    @Override
    public SeriesBuckets series(RunIds ids, String tag, long fromStep, long toStep, int buckets) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read series " + tag, c -> SeriesReader.buckets(c, ids.runId(), segs, tag, fromStep, toStep,
                buckets));
    }

    @Override
    public RawSeries rawSeries(RunIds ids, String tag, long fromStep, long toStep) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read series " + tag, c -> SeriesReader.raw(c, ids.runId(), segs, tag, fromStep, toStep));
    }

    @Override
    public HistogramMatrix histogramMatrix(RunIds ids, String tag, long fromStep, long toStep, int maxRows) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read histograms " + tag, c -> MatrixReader.histograms(c, ids.runId(), segs, tag, fromStep,
                toStep, maxRows));
    }

    @Override
    public LayerNormMatrix layerNormMatrix(RunIds ids, long fromStep, long toStep) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read layer norms", c -> MatrixReader.layerNorms(c, segs, fromStep, toStep));
    }

    @Override
    public List<SampleRow> samples(RunIds ids, long step) {
        long branch = Lineages.branchAt(lineage(ids.branchId()), step);
        return read("read samples of step " + step, c -> Rows.samples(c, branch, step));
    }

    @Override
    public List<StepInfo> steps(RunIds ids, long fromStep, long toStep) {
        List<LineageSegment> segs = lineage(ids.branchId());
        return read("read steps", c -> Rows.steps(c, segs, fromStep, toStep));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (StoreWriter w : writers) {
            w.close();
        }
        closed = true;
        synchronized (reader) {
            Rows.closeQuietly(reader);
        }
        synchronized (control) {
            Rows.closeQuietly(control);
        }
    }

    /** Runs one read in a fresh snapshot on the read connection. */
    <T> T read(String what, Rows.SqlFunction<T> fn) {
        ensureOpen();
        synchronized (reader) {
            try {
                T result = fn.apply(reader);
                reader.commit();
                return result;
            } catch (SQLException e) {
                Rows.rollbackQuietly(reader);
                throw new StoreException("cannot " + what + " in " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs one write transaction on the control connection. */
    <T> T write(String what, Rows.SqlFunction<T> fn) {
        ensureOpen();
        synchronized (control) {
            try {
                control.setAutoCommit(false);
                T result = fn.apply(control);
                control.commit();
                return result;
            } catch (SQLException e) {
                Rows.rollbackQuietly(control);
                throw new StoreException("cannot " + what + " in " + path + ": " + e.getMessage(), e);
            } finally {
                Rows.autoCommitQuietly(control);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("workspace " + path + " is closed");
        }
    }

    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            return ps.executeUpdate();
        }
    }
}
