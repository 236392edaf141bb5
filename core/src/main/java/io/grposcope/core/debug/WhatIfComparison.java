package io.grposcope.core.debug;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A captured batch replayed twice, side by side: under the settings it was trained with and under changed ones.
 * Holds loss, global and per-layer gradient norms and both per-sample attributions.
 */
public record WhatIfComparison(BatchCapture batch, ReplaySettings baselineSettings, ReplaySettings alternativeSettings,
                               ReplayResult baseline, ReplayResult alternative,
                               List<SampleAttribution> baselineAttribution,
                               List<SampleAttribution> alternativeAttribution) {

    public record LayerRow(String layer, double baseline, double alternative) {
        public double ratio() {
            return baseline == 0 ? Double.NaN : alternative / baseline;
        }
    }

    /** True when the baseline replay gives the gradient norm recorded at training time, bit for bit. */
    public boolean baselineReproducesStep() {
        return Double.compare(baseline.gradNorm(), batch.gradNorm()) == 0;
    }

    public double gradNormRatio() {
        return alternative.gradNorm() / baseline.gradNorm();
    }

    /** One row per layer present on either side, in the baseline's layer order. */
    public List<LayerRow> layers() {
        Set<String> names = new LinkedHashSet<>(baseline.layerGradNorms().keySet());
        names.addAll(alternative.layerGradNorms().keySet());
        List<LayerRow> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(new LayerRow(n, baseline.layerGradNorms().getOrDefault(n, Double.NaN),
                    alternative.layerGradNorms().getOrDefault(n, Double.NaN)));
        }
        return rows;
    }

    public String label() {
        return alternativeSettings.diff(baselineSettings);
    }
}
