package io.grposcope.core.algo.builtin;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.ClipMetrics;
import io.grposcope.core.algo.EntropyBonus;
import io.grposcope.core.algo.GroupAdvantage;
import io.grposcope.core.algo.KlEstimator;
import io.grposcope.core.algo.KlRegularizer;
import io.grposcope.core.algo.LossAggregation;
import io.grposcope.core.algo.PpoClip;
import io.grposcope.core.algo.TokenRatio;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.RewardShaper;
import io.grposcope.core.algo.spi.RolloutStrategy;
import io.grposcope.core.algo.spi.SampleFilter;
import io.grposcope.core.algo.spi.TimestepPolicy;
import io.grposcope.core.algo.spi.TokenWeighting;

/**
 * Vanilla GRPO's hooks (DeepSeekMath 2024; methods-spec §2.1) with verl's defaults: verl z-score advantages,
 * token ratio with ±20 clamp, PPO clip with dual clip, token-mean aggregation, k3 KL in the loss plus entropy
 * bonus, canonical clip metrics. Every hook a method leaves out comes from here.
 */
public final class VanillaGrpo {

    private VanillaGrpo() {
    }

    /** All hooks set, with verl's defaults. */
    public static Hooks defaults() {
        return hooks(GroupAdvantage.Options.verl(), AggregationMode.TOKEN_MEAN, 0, KlEstimator.K3);
    }

    /** All hooks set, with the given advantage options, aggregation and KL estimator. */
    public static Hooks hooks(GroupAdvantage.Options adv, AggregationMode agg, double aggConstant, KlEstimator kl) {
        return Hooks.builder()
                .rewardShaper(RewardShaper.identity())
                .advantageEstimator(new GroupAdvantage(adv))
                .sampleFilter(SampleFilter.keepAll())
                .rolloutStrategy(RolloutStrategy.uniform())
                .ratioTransform(new TokenRatio())
                .clipRule(new PpoClip())
                .tokenWeighting(TokenWeighting.none())
                .aggregator(new LossAggregation(agg, aggConstant))
                .timestepPolicy(TimestepPolicy.firstFraction())
                .regularizer(new KlRegularizer(kl).plus(new EntropyBonus()))
                .metricsEmitter(new ClipMetrics())
                .build();
    }
}
