package io.grposcope.plugins.dapo;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.ClipMetrics;
import io.grposcope.core.algo.EntropyBonus;
import io.grposcope.core.algo.KlEstimator;
import io.grposcope.core.algo.KlRegularizer;
import io.grposcope.core.algo.LossAggregation;
import io.grposcope.core.algo.PpoClip;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.RewardShaper;
import io.grposcope.core.algo.spi.SampleFilter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * DAPO (Yu et al. 2025, arXiv:2503.14476; methods-spec §2.3): PPO clip with ε_low 0.2 / ε_high 0.28
 * (clip-higher), dynamic sampling that drops zero-std groups and refills the batch, token-mean loss, the soft
 * overlong punishment R_len added to the reward, and no KL term.
 */
public final class DapoProvider implements MethodProvider {

    @Override
    public String id() {
        return "dapo";
    }

    @Override
    public String displayName() {
        return "DAPO";
    }

    @Override
    public String description() {
        return "Decoupled clip and Dynamic sAmpling: a wider upper clip against entropy collapse, groups with "
                + "all-equal rewards dropped and regenerated, token-mean loss, a soft penalty for overlong answers.";
    }

    @Override
    public String paperReference() {
        return "Yu et al. 2025, DAPO: An Open-Source LLM Reinforcement Learning System at Scale (arXiv:2503.14476); "
                + "verl recipe/dapo and TRL get_soft_overlong_punishment";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("eps_low", 0.2, 0, 10, "ε_low: ratios are clipped below at 1 − ε_low"),
                ParamSpec.real("eps_high", 0.28, 0, 10, "ε_high (clip-higher): ratios are clipped above at 1 + ε_high"),
                ParamSpec.flag("live_clip", false,
                        "Use the run's live clip_low / clip_high instead of eps_low / eps_high (to tune them live)"),
                ParamSpec.flag("dynamic_sampling", true,
                        "Drop groups whose rewards are all equal (population std 0) and generate more to refill"),
                ParamSpec.integer("max_gen_batches", 10, -1, 1_000_000,
                        "Generation rounds per step before the run fails for lack of informative groups (<= 0: no "
                                + "limit)"),
                ParamSpec.flag("overlong_buffer", true, "Add the soft overlong punishment R_len to the reward"),
                ParamSpec.integer("l_cache", 4, 1, 1_000_000,
                        "L_cache: length of the buffer before the run's max new tokens (L_max) where R_len ramps "
                                + "from 0 to −penalty_factor"),
                ParamSpec.real("penalty_factor", 1.0, 0, 100, "Scale of the overlong punishment"),
                ParamSpec.flag("use_kl", false,
                        "Add the k3 KL to the reference with the run's β (DAPO itself uses no KL term)"));
    }

    @Override
    public Hooks create(MethodParams p) {
        UnaryOperator<ClipBounds> bounds = clipBounds(p);
        PpoClip ppo = new PpoClip();
        Hooks.Builder h = Hooks.builder()
                .clipRule((ratio, adv, b) -> ppo.perTokenLoss(ratio, adv, bounds.apply(b)))
                .metricsEmitter(new ClipMetrics(bounds))
                .aggregator(new LossAggregation(AggregationMode.TOKEN_MEAN))
                .sampleFilter(p.getBoolean("dynamic_sampling")
                        ? new FlatGroupFilter(p.getInt("max_gen_batches")) : SampleFilter.keepAll())
                .rewardShaper(p.getBoolean("overlong_buffer")
                        ? new OverlongPenalty(p.getInt("l_cache"), p.getDouble("penalty_factor"))
                        : RewardShaper.identity());
        h.regularizer(p.getBoolean("use_kl")
                ? new KlRegularizer(KlEstimator.K3).plus(new EntropyBonus()) : new EntropyBonus());
        return h.build();
    }

    /** The bounds the clip rule and the clip metrics use: DAPO's widths, or the run's live ones. */
    static UnaryOperator<ClipBounds> clipBounds(MethodParams p) {
        if (p.getBoolean("live_clip")) {
            return UnaryOperator.identity();
        }
        double low = p.getDouble("eps_low");
        double high = p.getDouble("eps_high");
        return b -> b.withLow(low).withHigh(high);
    }
}
