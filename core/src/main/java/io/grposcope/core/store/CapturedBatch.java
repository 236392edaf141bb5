package io.grposcope.core.store;

/**
 * A batch captured at a step for the spike inspector: an opaque binary payload (tensors as the capturer
 * encodes them) plus structured JSON describing it. {@code kind} names the encoding, e.g. "token-rollout".
 */
public record CapturedBatch(long id, long runId, long branchId, long step, String kind, String json, byte[] blob,
                            long wallTimeMillis) {
}
