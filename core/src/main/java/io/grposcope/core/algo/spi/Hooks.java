package io.grposcope.core.algo.spi;

/**
 * The hooks a method overrides; a null field means "use vanilla GRPO's". Built with {@link #builder()}.
 */
public record Hooks(RewardShaper rewardShaper, AdvantageEstimator advantageEstimator, SampleFilter sampleFilter,
                    RolloutStrategy rolloutStrategy, RatioTransform ratioTransform, ClipRule clipRule,
                    TokenWeighting tokenWeighting, Aggregator aggregator, TimestepPolicy timestepPolicy,
                    Regularizer regularizer, MetricsEmitter metricsEmitter) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; set only what the method changes. */
    public static final class Builder {
        private RewardShaper rewardShaper;
        private AdvantageEstimator advantageEstimator;
        private SampleFilter sampleFilter;
        private RolloutStrategy rolloutStrategy;
        private RatioTransform ratioTransform;
        private ClipRule clipRule;
        private TokenWeighting tokenWeighting;
        private Aggregator aggregator;
        private TimestepPolicy timestepPolicy;
        private Regularizer regularizer;
        private MetricsEmitter metricsEmitter;

        public Builder rewardShaper(RewardShaper h) {
            rewardShaper = h;
            return this;
        }

        public Builder advantageEstimator(AdvantageEstimator h) {
            advantageEstimator = h;
            return this;
        }

        public Builder sampleFilter(SampleFilter h) {
            sampleFilter = h;
            return this;
        }

        public Builder rolloutStrategy(RolloutStrategy h) {
            rolloutStrategy = h;
            return this;
        }

        public Builder ratioTransform(RatioTransform h) {
            ratioTransform = h;
            return this;
        }

        public Builder clipRule(ClipRule h) {
            clipRule = h;
            return this;
        }

        public Builder tokenWeighting(TokenWeighting h) {
            tokenWeighting = h;
            return this;
        }

        public Builder aggregator(Aggregator h) {
            aggregator = h;
            return this;
        }

        public Builder timestepPolicy(TimestepPolicy h) {
            timestepPolicy = h;
            return this;
        }

        public Builder regularizer(Regularizer h) {
            regularizer = h;
            return this;
        }

        public Builder metricsEmitter(MetricsEmitter h) {
            metricsEmitter = h;
            return this;
        }

        public Hooks build() {
            return new Hooks(rewardShaper, advantageEstimator, sampleFilter, rolloutStrategy, ratioTransform,
                    clipRule, tokenWeighting, aggregator, timestepPolicy, regularizer, metricsEmitter);
        }
    }
}
