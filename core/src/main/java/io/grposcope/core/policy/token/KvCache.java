package io.grposcope.core.policy.token;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for a batch being sampled, preallocated to the full context and written in place,
 * so each new token reads a view instead of concatenating (no per-token reallocation, no manager juggling).
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(NDManager parent, TransformerConfig c, int batch) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[c.layers()];
        this.values = new NDArray[c.layers()];
        Shape s = new Shape(batch, c.heads(), c.context(), c.headDim());
        for (int l = 0; l < c.layers(); l++) {
            keys[l] = manager.zeros(s);
            values[l] = manager.zeros(s);
        }
    }

    /** Positions already filled. */
    public int length() {
        return length;
    }

    /** Writes (B, H, n, hd) keys/values at positions [length, length+n) of layer {@code l}. */
    void write(int l, NDArray k, NDArray v) {
        NDIndex at = new NDIndex(":, :, {}:{}", length, length + k.getShape().get(2));
        keys[l].set(at, k);
        values[l].set(at, v);
    }

    /** Views (in {@code into}) of the first {@code n} positions of layer {@code l}. */
    NDArray keys(NDManager into, int l, int n) {
        return keys[l].get(into, new NDIndex(":, :, :{}", n));
    }

    NDArray values(NDManager into, int l, int n) {
        return values[l].get(into, new NDIndex(":, :, :{}", n));
    }

    void advance(int n) {
        length += n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
