package io.grposcope.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads histograms as step × bucket matrices and per-layer gradient norms as layer × step matrices. */
final class MatrixReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixReader() {
    }

    private record HistRow(long step, long edgesId, long[] counts, long nonFinite) {
    }

    private record NormRow(long step, long setId, double[] norms) {
    }

    static HistogramMatrix histograms(Connection c, long runId, List<LineageSegment> segs, String tag, long from,
                                      long to, int maxRows) throws SQLException {
        long tagId = Tags.find(c, runId, Tags.HISTOGRAM, tag);
        if (tagId < 0) {
            return new HistogramMatrix(tag, new long[0], new long[0], new double[] {0, 1}, new double[0][], new long[0]);
        }
        List<HistRow> rows = Rows.alongLineage(c, segs, from, to, "SELECT step, edges, counts, nan + pinf + ninf"
                + " FROM histograms WHERE tag = " + tagId + " AND branch = ? AND step BETWEEN ? AND ? ORDER BY step",
                rs -> new HistRow(rs.getLong(1), rs.getLong(2), Blobs.longs(rs.getBytes(3)), rs.getLong(4)));
        if (rows.isEmpty()) {
            return new HistogramMatrix(tag, new long[0], new long[0], new double[] {0, 1}, new double[0][], new long[0]);
        }
        Map<Long, double[]> edges = new HashMap<>();
        for (HistRow r : rows) {
            if (!edges.containsKey(r.edgesId)) {
                edges.put(r.edgesId, Blobs.doubles(Rows.query(c, "SELECT edges FROM hist_edges WHERE id = ?",
                        rs -> rs.getBytes(1), r.edgesId).get(0)));
            }
        }
        HistRow newest = rows.get(rows.size() - 1);
        double[] target = edges.get(newest.edgesId);
        int group = maxRows > 0 ? (rows.size() + maxRows - 1) / maxRows : 1;
        int n = (rows.size() + group - 1) / group;
        long[] fromStep = new long[n];
        long[] toStep = new long[n];
        double[][] counts = new double[n][target.length - 1];
        long[] nonFinite = new long[n];
        for (int i = 0; i < rows.size(); i++) {
            HistRow r = rows.get(i);
            int row = i / group;
            if (i % group == 0) {
                fromStep[row] = r.step;
            }
            toStep[row] = r.step;
            nonFinite[row] += r.nonFinite;
            addRow(counts[row], target, r.counts, r.edgesId == newest.edgesId ? null : edges.get(r.edgesId));
        }
        return new HistogramMatrix(tag, fromStep, toStep, target, counts, nonFinite);
    }

    /** Adds counts; counts over other edges are spread over the target buckets by overlap length. */
    static void addRow(double[] into, double[] target, long[] counts, double[] sourceEdges) {
        if (sourceEdges == null) {
            for (int b = 0; b < counts.length; b++) {
                into[b] += counts[b];
            }
            return;
        }
        for (int b = 0; b < counts.length; b++) {
            double lo = sourceEdges[b];
            double hi = sourceEdges[b + 1];
            if (counts[b] == 0) {
                continue;
            }
            if (hi <= target[0] || lo >= target[target.length - 1] || hi <= lo) {
                int edge = hi <= target[0] ? 0 : into.length - 1;
                into[edge] += counts[b];
                continue;
            }
            for (int t = 0; t < into.length; t++) {
                double overlap = Math.min(hi, target[t + 1]) - Math.max(lo, target[t]);
                if (overlap > 0) {
                    into[t] += counts[b] * overlap / (hi - lo);
                }
            }
        }
    }

    static LayerNormMatrix layerNorms(Connection c, List<LineageSegment> segs, long from, long to)
            throws SQLException {
        List<NormRow> rows = Rows.alongLineage(c, segs, from, to, "SELECT step, layer_set, norms FROM layer_norms"
                + " WHERE branch = ? AND step BETWEEN ? AND ? ORDER BY step",
                rs -> new NormRow(rs.getLong(1), rs.getLong(2), Blobs.doubles(rs.getBytes(3))));
        if (rows.isEmpty()) {
            return new LayerNormMatrix(new String[0], new long[0], new double[0][]);
        }
        Map<Long, List<String>> sets = new HashMap<>();
        for (NormRow r : rows) {
            if (!sets.containsKey(r.setId)) {
                sets.put(r.setId, names(Rows.string(c, "SELECT names FROM layer_sets WHERE id = ?", r.setId)));
            }
        }
        List<String> layers = sets.get(rows.get(rows.size() - 1).setId);
        long[] steps = new long[rows.size()];
        double[][] values = new double[layers.size()][rows.size()];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        for (int col = 0; col < rows.size(); col++) {
            NormRow r = rows.get(col);
            steps[col] = r.step;
            List<String> names = sets.get(r.setId);
            for (int k = 0; k < names.size(); k++) {
                int layer = r.setId == rows.get(rows.size() - 1).setId ? k : layers.indexOf(names.get(k));
                if (layer >= 0) {
                    values[layer][col] = r.norms[k];
                }
            }
        }
        return new LayerNormMatrix(layers.toArray(new String[0]), steps, values);
    }

    private static List<String> names(String json) {
        try {
            return new ArrayList<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored layer names are not valid JSON: " + json, e);
        }
    }
}
