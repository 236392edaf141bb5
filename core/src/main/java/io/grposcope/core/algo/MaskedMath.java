package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;

/** Masked reductions shared by the loss math; the mask is 0/1 in the values' dtype. */
public final class MaskedMath {

    private MaskedMath() {
    }

    /** Σ x·m / (Σ m + 1e-8): verl's masked_mean, safe for an all-zero mask. */
    public static NDArray mean(NDArray x, NDArray mask) {
        return x.mul(mask).sum().div(mask.sum().add(num(mask, 1e-8)));
    }

    /**
     * A Java number in the dtype of {@code like}. DJL turns a Number operand into a 0-dim tensor of the
     * Number's own type, and a 0-dim float64 operand promotes a 0-dim float32 result (a reduced loss) to
     * float64; a Float keeps it float32.
     */
    public static Number num(NDArray like, double v) {
        return like.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32 ? (Number) (float) v : (Number) v;
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
