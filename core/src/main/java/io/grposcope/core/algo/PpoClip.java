package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.ClipRule;

/**
 * PPO clipped surrogate per token (Schulman et al. 2017; methods-spec §1.3), to be minimised:
 * L = max(−A·min(w, δ), −A·clip(w, 1−ε_low, 1+ε_high)), then for A &lt; 0 the dual clip (Ye et al. 2019)
 * L = min(L, −A·c). δ is TRL's two-sided clip (INTELLECT-2); c is verl's clip_ratio_c.
 */
public final class PpoClip implements ClipRule {

    @Override
    public NDArray perTokenLoss(NDArray ratio, NDArray advantages, ClipBounds bounds) {
        return parts(ratio, advantages, bounds).loss();
    }

    /** The loss and the branches clip statistics are counted from. */
    public static Parts parts(NDArray ratio, NDArray advantages, ClipBounds b) {
        NDArray unclippedRatio = b.deltaOn() ? ratio.minimum(b.delta()) : ratio;
        NDArray negA = advantages.neg();
        NDArray loss1 = negA.mul(unclippedRatio);
        NDArray loss2 = negA.mul(ratio.clip(1.0 - b.low(), 1.0 + b.high()));
        NDArray clipped = loss1.maximum(loss2);
        if (!b.dualClipOn()) {
            return new Parts(clipped, loss1, loss2, clipped, null);
        }
        NDArray loss3 = negA.mul(b.dualC());
        NDArray dual = NDArrays.where(advantages.lt(0), clipped.minimum(loss3), clipped);
        return new Parts(dual, loss1, loss2, clipped, loss3);
    }

    /**
     * @param loss       final per-token loss
     * @param unclipped  −A·w (w capped at δ when δ is on)
     * @param clipped    −A·clip(w)
     * @param ppo        max of the two, before the dual clip
     * @param dualBound  −A·c, or null when dual clip is off
     */
    public record Parts(NDArray loss, NDArray unclipped, NDArray clipped, NDArray ppo, NDArray dualBound) {
    }
}
