package io.grposcope.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL side of a {@link StoreWriter}: turns a drained list of steps and events into one transaction. */
final class WriterBatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection c;
    private final long runId;
    private final Map<String, Long> scalarTags = new HashMap<>();
    private final Map<String, Long> histTags = new HashMap<>();
    private final Map<String, Long> edgeIds = new HashMap<>();
    private final Map<String, Long> layerSets = new HashMap<>();
    private final ChunkCache chunks;

    private final PreparedStatement insertStep;
    private final PreparedStatement insertHistogram;
    private final PreparedStatement insertNorms;
    private final PreparedStatement insertSample;

    WriterBatch(Connection c, long runId) throws SQLException {
        this.c = c;
        this.runId = runId;
        this.chunks = new ChunkCache(c);
        insertStep = c.prepareStatement("INSERT OR REPLACE INTO steps(branch, step, wall, phase) VALUES (?,?,?,?)");
        insertHistogram = c.prepareStatement("INSERT OR REPLACE INTO histograms(tag, branch, step, edges, counts,"
                + " min, max, n, sum, sumsq, nan, pinf, ninf) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insertNorms = c.prepareStatement(
                "INSERT OR REPLACE INTO layer_norms(branch, step, layer_set, norms) VALUES (?,?,?,?)");
        insertSample = c.prepareStatement("INSERT OR REPLACE INTO samples(branch, step, idx, group_id, prompt,"
                + " completion, reward, advantage, length) VALUES (?,?,?,?,?,?,?,?,?)");
    }

    /** Writes the items (any of which may be a flush marker) and the back-pressure event; returns steps written. */
    int write(List<StoreWriter.Item> items, RunEvent pressure, long currentBranch) throws SQLException {
        c.setAutoCommit(false);
        try {
            int steps = 0;
            long lastStep = Long.MIN_VALUE;
            double lastReward = Double.NaN;
            for (StoreWriter.Item it : items) {
                if (it.record() != null) {
                    writeStep(it.branch(), it.record());
                    steps++;
                    lastStep = Math.max(lastStep, it.record().step());
                    Double r = it.record().scalars().get("reward/mean");
                    lastReward = r != null ? r : lastReward;
                } else if (it.event() != null) {
                    Rows.insertEvent(c, new RunIds(runId, it.branch()), it.event());
                }
            }
            if (pressure != null) {
                Rows.insertEvent(c, new RunIds(runId, currentBranch), pressure);
            }
            chunks.flush();
            if (steps > 0) {
                SqliteRunStore.update(c, "UPDATE runs SET last_step = max(last_step, ?), last_reward = coalesce(?,"
                        + " last_reward) WHERE id = ?", lastStep, Double.isNaN(lastReward) ? null : lastReward, runId);
            }
            c.commit();
            return steps;
        } catch (SQLException | RuntimeException e) {
            Rows.rollbackQuietly(c);
            forgetIds();
            throw e;
        }
    }

    private void writeStep(long branch, StepRecord r) throws SQLException {
        Rows.bind(insertStep, branch, r.step(), r.wallTimeMillis(), r.phase() == null ? "" : r.phase());
        insertStep.executeUpdate();
        for (Map.Entry<String, Double> e : r.scalars().entrySet()) {
            long tag = tagId(scalarTags, Tags.SCALAR, e.getKey());
            chunks.get(tag, branch, r.step()).put(r.step(), r.wallTimeMillis(), e.getValue());
        }
        for (Map.Entry<String, Histogram> e : r.histograms().entrySet()) {
            writeHistogram(tagId(histTags, Tags.HISTOGRAM, e.getKey()), branch, r.step(), e.getValue());
        }
        if (!r.layerGradNorms().isEmpty()) {
            writeLayerNorms(branch, r.step(), r.layerGradNorms());
        }
        writeSamples(branch, r.step(), r.samples());
        for (RunEvent ev : r.events()) {
            Rows.insertEvent(c, new RunIds(runId, branch), ev);
        }
    }

    private void writeHistogram(long tag, long branch, long step, Histogram h) throws SQLException {
        long edges = internBlob(edgeIds, "hist_edges", "edges", Blobs.doubles(h.edges()));
        Rows.bind(insertHistogram, tag, branch, step, edges, Blobs.longs(h.counts()), h.min(), h.max(), h.count(),
                h.sum(), h.sumSquares(), h.nanCount(), h.posInfCount(), h.negInfCount());
        insertHistogram.executeUpdate();
    }

    private void writeLayerNorms(long branch, long step, Map<String, Double> norms) throws SQLException {
        List<String> names = new ArrayList<>(norms.keySet());
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = norms.get(names.get(i));
        }
        long set = internText(layerSets, names);
        Rows.bind(insertNorms, branch, step, set, Blobs.doubles(values));
        insertNorms.executeUpdate();
    }

    private void writeSamples(long branch, long step, List<SampleRow> samples) throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        for (SampleRow s : samples) {
            Rows.bind(insertSample, branch, step, s.index(), s.groupId(), s.prompt(), s.completion(), s.reward(),
                    s.advantage(), s.length());
            insertSample.executeUpdate();
        }
    }

    private long tagId(Map<String, Long> cache, int kind, String name) throws SQLException {
        Long id = cache.get(name);
        if (id == null) {
            id = Tags.findOrCreate(c, runId, kind, name);
            cache.put(name, id);
        }
        return id;
    }

    private long internText(Map<String, Long> cache, List<String> names) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("layer names cannot be written as JSON", e);
        }
        return internBlob(cache, "layer_sets", "names", json);
    }

    private long internBlob(Map<String, Long> cache, String table, String column, Object value) throws SQLException {
        String key = value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) value;
        Long id = cache.get(key);
        if (id != null) {
            return id;
        }
        SqliteRunStore.update(c, "INSERT OR IGNORE INTO " + table + "(" + column + ") VALUES (?)", value);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + column + " = ?")) {
            Rows.bind(ps, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        cache.put(key, id);
        return id;
    }

    /** After a rollback, ids created in it no longer exist and buffered chunks may be ahead of the database. */
    private void forgetIds() {
        scalarTags.clear();
        histTags.clear();
        edgeIds.clear();
        layerSets.clear();
        chunks.invalidate();
    }

    void close() {
        Rows.closeQuietly(c);
    }
}
