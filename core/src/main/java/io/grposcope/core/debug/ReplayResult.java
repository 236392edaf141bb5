package io.grposcope.core.debug;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loss and gradient norms of one replay of a captured batch (no update applied). {@code sampleGradNorms[i]} is
 * the gradient norm of sample i's own term of the loss (same aggregation constants as the whole loss), or null
 * when per-sample norms were not asked for; indices follow the capture's sample order.
 */
public record ReplayResult(double loss, double gradNorm, Map<String, Double> layerGradNorms, double[] sampleGradNorms) {

    public ReplayResult {
        layerGradNorms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerGradNorms));
        sampleGradNorms = sampleGradNorms == null ? null : sampleGradNorms.clone();
    }

    public boolean hasSampleNorms() {
        return sampleGradNorms != null;
    }
}
