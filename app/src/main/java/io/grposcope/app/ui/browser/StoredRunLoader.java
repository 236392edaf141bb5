package io.grposcope.app.ui.browser;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.HistogramMatrix;
import io.grposcope.core.store.LayerNormMatrix;
import io.grposcope.core.store.RawSeries;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Reads a stored run (one branch, with its lineage) into a fresh {@link RunData} on a background thread:
 * every scalar point, the histogram and layer-norm matrices, and the events. Reports progress per tag.
 */
public final class StoredRunLoader {
    private StoredRunLoader() {
    }

    public static RunData load(RunStore store, RunIds ids, String name, DoubleConsumer progress) {
        RunData data = new RunData(name);
        List<String> tags = store.tags(ids.runId());
        List<String> hists = store.histogramTags(ids.runId());
        int total = tags.size() + hists.size() + 2;
        int done = 0;
        for (String tag : tags) {
            RawSeries s = store.rawSeries(ids, tag, 0, Long.MAX_VALUE);
            for (int i = 0; i < s.size(); i++) {
                data.applyScalar(tag, s.steps()[i], s.values()[i]);
            }
            progress.accept(++done / (double) total);
        }
        for (String tag : hists) {
            HistogramMatrix m = store.histogramMatrix(ids, tag, 0, Long.MAX_VALUE, 4096);
            for (int r = 0; r < m.rows(); r++) {
                long[] counts = new long[m.buckets()];
                for (int b = 0; b < counts.length; b++) {
                    counts[b] = Math.round(m.counts()[r][b]);
                }
                data.histogram(tag).append(m.toStep()[r], new Histogram(m.edges(), counts, Double.NaN, Double.NaN,
                        0, 0, 0, m.nonFinite()[r], 0, 0));
            }
            progress.accept(++done / (double) total);
        }
        LayerNormMatrix ln = store.layerNormMatrix(ids, 0, Long.MAX_VALUE);
        for (int c = 0; c < ln.steps().length; c++) {
            Map<String, Double> norms = new LinkedHashMap<>();
            for (int l = 0; l < ln.layers().length; l++) {
                norms.put(ln.layers()[l], ln.values()[l][c]);
            }
            data.layerNorms().append(ln.steps()[c], norms);
        }
        progress.accept(++done / (double) total);
        for (RunEvent e : store.events(ids, 0, Long.MAX_VALUE)) {
            data.apply(e);
        }
        progress.accept(1);
        return data;
    }
}
