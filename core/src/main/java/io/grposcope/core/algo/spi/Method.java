package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.builtin.VanillaGrpo;

/**
 * A resolved method: its id, parameter values and the full set of hooks (vanilla GRPO's where the method does
 * not override). {@link #loss} is the one place the minibatch loss is assembled, for token and flow trainers:
 * ratio → clip rule → token weights → aggregator, plus regulariser terms.
 */
public record Method(String id, String displayName, MethodParams params, Hooks hooks) {

    public Method {
        Hooks d = VanillaGrpo.defaults();
        Hooks h = hooks == null ? d : hooks;
        hooks = new Hooks(or(h.rewardShaper(), d.rewardShaper()), or(h.advantageEstimator(), d.advantageEstimator()),
                or(h.sampleFilter(), d.sampleFilter()), or(h.rolloutStrategy(), d.rolloutStrategy()),
                or(h.ratioTransform(), d.ratioTransform()), or(h.clipRule(), d.clipRule()),
                or(h.tokenWeighting(), d.tokenWeighting()), or(h.aggregator(), d.aggregator()),
                or(h.timestepPolicy(), d.timestepPolicy()), or(h.regularizer(), d.regularizer()),
                or(h.metricsEmitter(), d.metricsEmitter()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    public RewardShaper rewardShaper() {
        return hooks.rewardShaper();
    }

    public AdvantageEstimator advantageEstimator() {
        return hooks.advantageEstimator();
    }

    public SampleFilter sampleFilter() {
        return hooks.sampleFilter();
    }

    public RolloutStrategy rolloutStrategy() {
        return hooks.rolloutStrategy();
    }

    public RatioTransform ratioTransform() {
        return hooks.ratioTransform();
    }

    public ClipRule clipRule() {
        return hooks.clipRule();
    }

    public TokenWeighting tokenWeighting() {
        return hooks.tokenWeighting();
    }

    public Aggregator aggregator() {
        return hooks.aggregator();
    }

    public TimestepPolicy timestepPolicy() {
        return hooks.timestepPolicy();
    }

    public Regularizer regularizer() {
        return hooks.regularizer();
    }

    public MetricsEmitter metricsEmitter() {
        return hooks.metricsEmitter();
    }

    /** The minibatch loss; every array is created in the inputs' manager. */
    public LossTerms loss(LossInputs in, LossSettings settings) {
        Ratio ratio = ratioTransform().ratio(in);
        NDArray perToken = clipRule().perTokenLoss(ratio.ratio(), in.advantages(), settings.clip());
        NDArray weights = tokenWeighting().weights(in);
        NDArray weighted = weights == null ? perToken : perToken.mul(weights);
        NDArray policy = aggregator().aggregate(weighted, in.mask());
        NDArray reg = regularizer().term(in, aggregator(), settings);
        NDArray total = reg == null ? policy : policy.add(reg);
        return new LossTerms(total, policy, reg, perToken, ratio);
    }

    /** Canonical metrics of a computed loss, handed to {@code sink} as doubles. */
    public void emitMetrics(LossInputs in, LossTerms terms, LossSettings settings, MetricsEmitter.MetricSink sink) {
        metricsEmitter().emit(in, terms, settings, sink);
    }
}
