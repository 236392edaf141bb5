package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.SampleRow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's runs: every step of every run, its branches, events, checkpoints and captured batches.
 * Writes of step data go through a {@link StoreWriter} (background thread); everything else is synchronous.
 * Reads work while writers write and see a consistent prefix of each run. Nothing is ever deleted.
 * Step ranges are inclusive; pass {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} for open ends.
 */
public interface RunStore extends AutoCloseable {

    /** Opens (creating if absent) the workspace database at {@code db}, migrating older schemas forward. */
    static RunStore open(Path db) {
        return SqliteRunStore.open(db);
    }

    /** Opens the default workspace ({@link #defaultPath()}). */
    static RunStore openDefault() {
        return open(defaultPath());
    }

    /**
     * The default workspace file: {@code $GRPOSCOPE_HOME/workspace.db} when that variable (or the system property
     * {@code grposcope.home}) is set, else {@code ~/.local/share/grposcope/workspace.db}.
     */
    static Path defaultPath() {
        return WorkspacePaths.defaultDatabase();
    }

    Path path();

    /** Creates a run with its root branch; the config is kept as JSON with its schema version. */
    RunIds createRun(RunConfig config, String name);

    /** A writer for one run/branch: add it to the run's listeners; close it to flush and stop its thread. */
    StoreWriter writer(RunIds ids);

    /** A writer with a given queue capacity (steps) and flush interval (milliseconds). */
    StoreWriter writer(RunIds ids, int capacity, long flushMillis);

    /** Creates a branch that shares {@code parentBranchId}'s history up to and including {@code atStep}. */
    long branch(long runId, long parentBranchId, long atStep, String label);

    List<BranchInfo> branches(long runId);

    /** Where each step of {@code branchId}'s history lives, newest segment first. */
    List<LineageSegment> lineage(long branchId);

    /** Sets the run-list status (a {@code RunState} name, or any short word). */
    void setStatus(long runId, String status);

    Optional<RunConfig> config(long runId);

    List<RunSummary> runs();

    Optional<RunSummary> run(long runId);

    /** Scalar tags of a run (all branches), sorted. */
    List<String> tags(long runId);

    /** Histogram tags of a run (all branches), sorted. */
    List<String> histogramTags(long runId);

    /** Writes an event now, outside any writer (e.g. from the UI); writers store their own events themselves. */
    void appendEvent(RunIds ids, RunEvent event);

    /** Events along the branch's lineage in step order. */
    List<RunEvent> events(RunIds ids, long fromStep, long toStep);

    long addCheckpoint(RunIds ids, long step, Path path);

    /** Checkpoints along the branch's lineage, in step order. */
    List<Checkpoint> checkpoints(RunIds ids);

    long addCapturedBatch(RunIds ids, long step, String kind, String json, byte[] blob);

    Optional<CapturedBatch> capturedBatch(long captureId);

    /** Captured batches along the lineage (payload blobs left empty; fetch one with {@link #capturedBatch}). */
    List<CapturedBatch> capturedBatches(RunIds ids);

    /** A series downsampled to at most {@code buckets} buckets over the steps present in the range. */
    SeriesBuckets series(RunIds ids, String tag, long fromStep, long toStep, int buckets);

    RawSeries rawSeries(RunIds ids, String tag, long fromStep, long toStep);

    /** Step × bucket matrix; {@code maxRows <= 0} keeps one row per step, else adjacent steps are summed. */
    HistogramMatrix histogramMatrix(RunIds ids, String tag, long fromStep, long toStep, int maxRows);

    LayerNormMatrix layerNormMatrix(RunIds ids, long fromStep, long toStep);

    /** The per-sample rows stored for a step of the branch's lineage. */
    List<SampleRow> samples(RunIds ids, long step);

    /** Steps present on the lineage in the range, with their phase, in order. */
    List<StepInfo> steps(RunIds ids, long fromStep, long toStep);

    @Override
    void close();
}
