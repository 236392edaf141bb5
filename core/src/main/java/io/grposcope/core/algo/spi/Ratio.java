package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * An importance ratio and its log. {@code logRatio} is what the ratio was exponentiated from (after any clamp);
 * both are (B, T), or (B, 1) for a sequence-level ratio that broadcasts over tokens.
 */
public record Ratio(NDArray logRatio, NDArray ratio) {
}
