package io.grposcope.core.config;

import java.util.Map;

/**
 * A whole run, as written in a JSON or YAML file. Every field has a default ({@link #defaults()}), so a file
 * names only what it changes. {@code schemaVersion} lets old files be migrated forward on load.
 */
public record RunConfig(int schemaVersion, String name, TaskConfig task, PolicyConfig policy, MethodConfig method,
                        RolloutConfig rollout, OptimizerConfig optimizer, PpoConfig ppo, KlConfig kl,
                        WarmStartConfig warmStart, FlowConfig flow, MetricsConfig metrics, long seed, String device,
                        int steps) {

    public static final int SCHEMA_VERSION = 1;

    /** The built-in default run: vanilla GRPO on single-digit addition with a tiny transformer. */
    public static RunConfig defaults() {
        return new RunConfig(SCHEMA_VERSION, "default", TaskConfig.defaults(), PolicyConfig.defaults(),
                MethodConfig.defaults(), RolloutConfig.defaults(), OptimizerConfig.defaults(), PpoConfig.defaults(),
                KlConfig.defaults(), WarmStartConfig.defaults(), FlowConfig.defaults(), MetricsConfig.defaults(),
                42L, "cpu", 200);
    }

    public boolean isFlow() {
        return task != null && "flow".equals(task.kind());
    }

    public RunConfig withSeed(long s) {
        return new RunConfig(schemaVersion, name, task, policy, method, rollout, optimizer, ppo, kl, warmStart, flow,
                metrics, s, device, steps);
    }

    public RunConfig withSteps(int n) {
        return new RunConfig(schemaVersion, name, task, policy, method, rollout, optimizer, ppo, kl, warmStart, flow,
                metrics, seed, device, n);
    }

    public RunConfig withDevice(String d) {
        return new RunConfig(schemaVersion, name, task, policy, method, rollout, optimizer, ppo, kl, warmStart, flow,
                metrics, seed, d, steps);
    }

    /** Which built-in task; {@code kind} is "token" or "flow". */
    public record TaskConfig(String kind, String id, int difficulty) {
        public static TaskConfig defaults() {
            return new TaskConfig("token", "addition", 1);
        }
    }

    /** Token transformer size (ignored by flow runs, which use {@link FlowConfig}). */
    public record PolicyConfig(int dModel, int heads, int layers, int context) {
        public static PolicyConfig defaults() {
            return new PolicyConfig(64, 4, 2, 32);
        }
    }

    /** The method plugin id ("grpo", "dr_grpo", "grpo_guard", ...) and its own parameters. */
    public record MethodConfig(String id, Map<String, Object> params) {
        public MethodConfig {
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        public static MethodConfig defaults() {
            return new MethodConfig("grpo", Map.of());
        }
    }

    /** Prompts per step, completions per prompt (G), sampling settings. */
    public record RolloutConfig(int promptsPerStep, int groupSize, double temperature, double topP, int maxNewTokens) {
        public static RolloutConfig defaults() {
            return new RolloutConfig(8, 8, 1.0, 1.0, 8);
        }
    }

    /** Adam with gradient clipping and a warm-up then decay schedule ("constant", "linear", "cosine"). */
    public record OptimizerConfig(double lr, double beta1, double beta2, double eps, double weightDecay,
                                  double gradClip, int warmupSteps, String schedule) {
        public static OptimizerConfig defaults() {
            return new OptimizerConfig(1e-4, 0.9, 0.999, 1e-8, 0.0, 1.0, 5, "constant");
        }
    }

    /** PPO inner loop and clipping: ε low/high, dual-clip c, loss aggregation mode, entropy bonus. */
    public record PpoConfig(int epochs, int minibatches, double clipLow, double clipHigh, double clipC,
                            String lossAgg, double entropyCoef) {
        public static PpoConfig defaults() {
            return new PpoConfig(2, 2, 0.2, 0.2, 3.0, "token-mean", 0.0);
        }
    }

    /** KL to the frozen reference: coefficient β and estimator ("k1", "abs", "k2", "k3", "k1+", "k3+"). */
    public record KlConfig(double beta, String estimator) {
        public static KlConfig defaults() {
            return new KlConfig(0.001, "k3");
        }
    }

    /** Supervised warm start on generated solutions before GRPO, so reward starts above zero. */
    public record WarmStartConfig(int steps, double lr, int batchSize) {
        public static WarmStartConfig defaults() {
            return new WarmStartConfig(150, 1e-3, 64);
        }
    }

    /** Flow-matching runs: denoising steps, SD3 shift, SDE noise level a, trained-step fraction, pretraining. */
    public record FlowConfig(int denoisingSteps, double shift, double noiseLevel, double timestepFraction,
                             int pretrainSteps, int hidden, double advClipMax, String klDenominator) {
        public static FlowConfig defaults() {
            return new FlowConfig(10, 3.0, 0.7, 0.99, 300, 64, 5.0, "SIGMA_T_SQ");
        }
    }

    /** What the engine measures: histogram buckets, log-ratio range, samples kept per step. */
    public record MetricsConfig(boolean enabled, int histogramBuckets, double logRatioRange, int samplesPerStep) {
        public static MetricsConfig defaults() {
            return new MetricsConfig(true, 48, 0.5, 64);
        }
    }
}
