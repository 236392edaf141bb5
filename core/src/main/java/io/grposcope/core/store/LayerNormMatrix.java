package io.grposcope.core.store;

/**
 * Per-layer gradient norms over a step range: {@code values[layer][column]} at {@code steps[column]}, layers in the
 * model's order (the newest step's layer list; layers missing at a step read NaN).
 */
public record LayerNormMatrix(String[] layers, long[] steps, double[][] values) {
}
