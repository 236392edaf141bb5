package io.grposcope.core.algo.builtin;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.ClipMetrics;
import io.grposcope.core.algo.Gspo;
import io.grposcope.core.algo.LossAggregation;
import io.grposcope.core.algo.PpoClip;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.ParamSpec;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * GSPO (Zheng et al. 2025, arXiv:2507.18071): the clipped surrogate on the length-normalised sequence ratio
 * s_i = exp(Σ_t m·Δ / |o_i|) in verl's GSPO-token form, sequence-mean aggregation, no dual clip. The clip
 * widths stay the run's live ε; the paper uses ε_low = 3e-4, ε_high = 4e-4.
 */
public final class GspoMethodProvider implements MethodProvider {

    private static final UnaryOperator<ClipBounds> NO_DUAL_CLIP = b -> b.withDualC(Double.POSITIVE_INFINITY);

    @Override
    public String id() {
        return "gspo";
    }

    @Override
    public String displayName() {
        return "GSPO";
    }

    @Override
    public String description() {
        return "Group Sequence Policy Optimization: one importance ratio per sequence (geometric mean of token "
                + "ratios), clipped as a whole; use clip widths around 3e-4 / 4e-4.";
    }

    @Override
    public String paperReference() {
        return "Zheng et al. 2025, Group Sequence Policy Optimization (arXiv:2507.18071); verl GSPO-token form";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Hooks create(MethodParams params) {
        PpoClip ppo = new PpoClip();
        return Hooks.builder()
                .ratioTransform(new Gspo())
                .clipRule((ratio, adv, b) -> ppo.perTokenLoss(ratio, adv, NO_DUAL_CLIP.apply(b)))
                .aggregator(new LossAggregation(AggregationMode.SEQ_MEAN_TOKEN_MEAN))
                .metricsEmitter(new ClipMetrics(NO_DUAL_CLIP))
                .build();
    }
}
