package io.grposcope.core.debug;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loss and gradient norms of one replay of a captured batch (no update applied). {@code sampleGradNorms[i]} is
 * the gradient norm of sample i's own term of the loss (same aggregation constants as the whole loss), or null
 * when per-sample norms were not asked for; indices follow the capture's sample order. Flow replays also split
 * the gradient by denoising step: {@code timesteps[j]} is step k, {@code timestepGradNorms[j]} that step's own
 * gradient norm on the whole batch and {@code sampleTimestepNorms[i][j]} sample i's (null for token runs).
 */
public record ReplayResult(double loss, double gradNorm, Map<String, Double> layerGradNorms, double[] sampleGradNorms,
                           int[] timesteps, double[] timestepGradNorms, double[][] sampleTimestepNorms) {

    public ReplayResult {
        layerGradNorms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerGradNorms));
        sampleGradNorms = sampleGradNorms == null ? null : sampleGradNorms.clone();
    }

    /** A token replay (no per-timestep split). */
    public ReplayResult(double loss, double gradNorm, Map<String, Double> layerGradNorms, double[] sampleGradNorms) {
        this(loss, gradNorm, layerGradNorms, sampleGradNorms, null, null, null);
    }

    public boolean hasTimesteps() {
        return timesteps != null;
    }

    public boolean hasSampleNorms() {
        return sampleGradNorms != null;
    }
}
