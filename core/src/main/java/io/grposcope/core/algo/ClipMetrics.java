package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.LossTerms;
import io.grposcope.core.algo.spi.MetricsEmitter;
import java.util.function.UnaryOperator;

/**
 * Default metrics emitter: clip fractions, KL to the old policy and the loss terms under the canonical names of
 * methods-spec §7.4 (clip/frac_region = verl pg_clipfrac, clip/frac_high|low = TRL clip_ratio/high|low_mean,
 * clip/frac_dual = verl pg_clipfrac_lower, clip/frac_abs_gt_eps = Flow-GRPO clipfrac, kl/old_k1 = verl ppo_kl,
 * kl/old_k2 = Flow-GRPO approx_kl). TRL's sign-aware region is also kept as clip/frac_region_trl.
 */
public final class ClipMetrics implements MetricsEmitter {

    private final UnaryOperator<ClipBounds> boundsSeenByClipRule;

    public ClipMetrics() {
        this(UnaryOperator.identity());
    }

    /** For clip rules that change the live bounds (e.g. GSPO has no dual clip), count with what they used. */
    public ClipMetrics(UnaryOperator<ClipBounds> boundsSeenByClipRule) {
        this.boundsSeenByClipRule = boundsSeenByClipRule;
    }

    @Override
    public void emit(LossInputs in, LossTerms terms, LossSettings settings, MetricSink sink) {
        NDArray tokenLogRatio = in.logProbs().sub(in.oldLogProbs()).clip(-TokenRatio.LOG_RATIO_CLAMP,
                TokenRatio.LOG_RATIO_CLAMP);
        ClipStatistics s = ClipStatistics.compute(tokenLogRatio, terms.ratio().ratio(), in.advantages(), in.mask(),
                boundsSeenByClipRule.apply(settings.clip()));
        sink.put("clip/frac_region", s.verlClipFrac());
        sink.put("clip/frac_region_trl", s.trlRegionMean());
        sink.put("clip/frac_high", s.trlHighMean());
        sink.put("clip/frac_low", s.trlLowMean());
        sink.put("clip/frac_dual", s.verlClipFracLower());
        sink.put("clip/frac_abs_gt_eps", s.absGtEps());
        sink.put("kl/old_k1", s.verlPpoKl());
        sink.put("kl/old_k2", s.oldK2());
        sink.put("loss/policy", scalar(terms.policyLoss()));
        sink.put("loss/total", scalar(terms.total()));
        if (terms.regularizer() != null) {
            sink.put("loss/regularizer", scalar(terms.regularizer()));
        }
    }

    private static double scalar(NDArray a) {
        return a.toType(DataType.FLOAT64, false).getDouble();
    }
}
