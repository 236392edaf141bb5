package io.grposcope.core.algo.spi.flow;

/** One batched SDE transition from the sampler: next states and SDE means (n × D), and log p_old per row (n). */
public record SdeDraw(float[][] next, float[][] mean, float[] logProb) {
}
