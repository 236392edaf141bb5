package io.grposcope.core.policy.token;

import ai.djl.ndarray.NDArray;

/** One trainable tensor with a stable name ("layer0.attn.wqkv") and the layer it is reported under ("layer0"). */
public record NamedParam(String name, String layer, NDArray array) {

    public long size() {
        return array.getShape().size();
    }
}
