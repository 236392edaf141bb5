package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;

/** Masked reductions shared by the loss math; the mask is 0/1 in the values' dtype. */
public final class MaskedMath {

    private MaskedMath() {
    }

    /** Σ x·m / (Σ m + 1e-8): verl's masked_mean, safe for an all-zero mask. */
    public static NDArray mean(NDArray x, NDArray mask) {
        return x.mul(mask).sum().div(mask.sum().add(1e-8));
    }

    /** Σ x·m. */
    public static NDArray sum(NDArray x, NDArray mask) {
        return x.mul(mask).sum();
    }

    /** Σ_t x·m per row, shape (B). */
    public static NDArray rowSum(NDArray x, NDArray mask) {
        return x.mul(mask).sum(new int[] {-1});
    }

    /** Boolean array as 0/1 in the dtype of {@code like}. */
    public static NDArray asFloat(NDArray bool, NDArray like) {
        return bool.toType(like.getDataType(), false);
    }
}
