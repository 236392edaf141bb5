package io.grposcope.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Range and choice checks on a whole {@link RunConfig}; each failure names the field path and the allowed values.
 * Ranges follow what the math needs: a group needs two completions to have a spread, PPO's lower clip must keep
 * {@code 1 - ε > 0}, dual-clip needs {@code c > 1}.
 */
public final class ConfigValidator {

    public static final Set<String> SCHEDULES = Set.of("constant", "linear", "cosine");
    public static final Set<String> LOSS_AGGS = Set.of("token-mean", "seq-mean-token-sum", "seq-mean-token-mean",
            "seq-mean-token-sum-norm", "dr_grpo");
    public static final Set<String> KL_ESTIMATORS = Set.of("k1", "kl", "abs", "k2", "mse", "k3", "low_var_kl",
            "k1+", "k3+");
    public static final Set<String> TASK_KINDS = Set.of("token", "flow");
    public static final Set<String> KL_DENOMINATORS = Set.of("SIGMA_T_SQ", "TRANSITION_VAR");
    private static final Pattern DEVICE = Pattern.compile("cpu|auto|(gpu|cuda)(:\\d+)?");

    private final List<String[]> errors = new ArrayList<>();

    private ConfigValidator() {
    }

    /** Problems as (field path, message) pairs; {@code methodIds} empty means "don't check the method id". */
    public static List<String[]> validate(RunConfig c, Set<String> methodIds) {
        ConfigValidator v = new ConfigValidator();
        v.top(c, methodIds);
        if (c.rollout() != null) {
            v.rollout(c.rollout());
        }
        if (c.optimizer() != null) {
            v.optimizer(c.optimizer());
        }
        if (c.ppo() != null) {
            v.ppo(c.ppo());
        }
        if (c.policy() != null) {
            v.policy(c.policy());
        }
        v.rest(c);
        return v.errors;
    }

    private void top(RunConfig c, Set<String> methodIds) {
        intRange("steps", c.steps(), 0, 100_000_000);
        notBlank("name", c.name());
        if (c.device() == null || !DEVICE.matcher(c.device()).matches()) {
            errors.add(new String[] {"device", "\"" + c.device() + "\" is not a device; allowed: cpu, auto, gpu,"
                    + " gpu:N, cuda, cuda:N"});
        }
        if (c.task() != null) {
            choice("task.kind", c.task().kind(), TASK_KINDS);
            notBlank("task.id", c.task().id());
            intRange("task.difficulty", c.task().difficulty(), 0, 100);
        }
        if (c.method() != null && !methodIds.isEmpty() && !methodIds.contains(c.method().id())) {
            errors.add(new String[] {"method.id", "unknown method plugin \"" + c.method().id() + "\"; "
                    + Names.suggestion(String.valueOf(c.method().id()), methodIds)});
        }
    }

    private void rollout(RunConfig.RolloutConfig r) {
        intRange("rollout.promptsPerStep", r.promptsPerStep(), 1, 65_536);
        intRange("rollout.groupSize", r.groupSize(), 2, 1024);
        range("rollout.temperature", r.temperature(), 1e-6, 100, false);
        range("rollout.topP", r.topP(), 1e-6, 1, false);
        intRange("rollout.maxNewTokens", r.maxNewTokens(), 1, 1_000_000);
    }

    private void optimizer(RunConfig.OptimizerConfig o) {
        range("optimizer.lr", o.lr(), 1e-12, 10, false);
        range("optimizer.beta1", o.beta1(), 0, 0.999999, false);
        range("optimizer.beta2", o.beta2(), 0, 0.999999999, false);
        range("optimizer.eps", o.eps(), 1e-30, 1, false);
        range("optimizer.weightDecay", o.weightDecay(), 0, 10, false);
        range("optimizer.gradClip", o.gradClip(), 0, 1e9, false);
        intRange("optimizer.warmupSteps", o.warmupSteps(), 0, 100_000_000);
        choice("optimizer.schedule", o.schedule(), SCHEDULES);
    }

    private void ppo(RunConfig.PpoConfig p) {
        intRange("ppo.epochs", p.epochs(), 1, 1000);
        intRange("ppo.minibatches", p.minibatches(), 1, 65_536);
        range("ppo.clipLow", p.clipLow(), 0, 1, true);
        range("ppo.clipHigh", p.clipHigh(), 0, 10, false);
        if (!(p.clipC() > 1) || !Double.isFinite(p.clipC())) {
            errors.add(new String[] {"ppo.clipC", p.clipC() + " is out of range; dual-clip c must be > 1 (finite)"});
        }
        choice("ppo.lossAgg", p.lossAgg(), LOSS_AGGS);
        range("ppo.entropyCoef", p.entropyCoef(), -10, 10, false);
    }

    private void policy(RunConfig.PolicyConfig p) {
        intRange("policy.dModel", p.dModel(), 1, 65_536);
        intRange("policy.heads", p.heads(), 1, 1024);
        intRange("policy.layers", p.layers(), 1, 1024);
        intRange("policy.context", p.context(), 2, 1_000_000);
        if (p.heads() > 0 && p.dModel() > 0 && p.dModel() % p.heads() != 0) {
            errors.add(new String[] {"policy.heads", "dModel " + p.dModel() + " must be divisible by heads "
                    + p.heads()});
        }
    }

    private void rest(RunConfig c) {
        if (c.kl() != null) {
            range("kl.beta", c.kl().beta(), 0, 1e6, false);
            choice("kl.estimator", c.kl().estimator(), KL_ESTIMATORS);
        }
        if (c.warmStart() != null) {
            intRange("warmStart.steps", c.warmStart().steps(), 0, 100_000_000);
            range("warmStart.lr", c.warmStart().lr(), 1e-12, 10, false);
            intRange("warmStart.batchSize", c.warmStart().batchSize(), 1, 1_000_000);
        }
        if (c.flow() != null) {
            RunConfig.FlowConfig f = c.flow();
            intRange("flow.denoisingSteps", f.denoisingSteps(), 1, 10_000);
            range("flow.shift", f.shift(), 1e-6, 1e3, false);
            range("flow.noiseLevel", f.noiseLevel(), 0, 10, false);
            range("flow.timestepFraction", f.timestepFraction(), 1e-6, 1, false);
            intRange("flow.pretrainSteps", f.pretrainSteps(), 0, 100_000_000);
            intRange("flow.hidden", f.hidden(), 1, 65_536);
            range("flow.advClipMax", f.advClipMax(), 1e-6, 1e6, false);
            choice("flow.klDenominator", f.klDenominator(), KL_DENOMINATORS);
        }
        if (c.metrics() != null) {
            intRange("metrics.histogramBuckets", c.metrics().histogramBuckets(), 2, 4096);
            range("metrics.logRatioRange", c.metrics().logRatioRange(), 1e-9, 1e3, false);
            intRange("metrics.samplesPerStep", c.metrics().samplesPerStep(), 0, 1_000_000);
        }
    }

    private void intRange(String path, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            errors.add(new String[] {path, v + " is out of range; allowed " + lo + ".." + hi});
        }
    }

    /** {@code [lo, hi]}, or {@code [lo, hi)} when {@code openHigh}; NaN and ±Inf are always rejected. */
    private void range(String path, double v, double lo, double hi, boolean openHigh) {
        boolean ok = Double.isFinite(v) && v >= lo && (openHigh ? v < hi : v <= hi);
        if (!ok) {
            errors.add(new String[] {path, v + " is out of range; allowed [" + lo + ", " + hi + (openHigh ? ")" : "]")});
        }
    }

    private void choice(String path, String v, Set<String> allowed) {
        if (v == null || !allowed.contains(v)) {
            errors.add(new String[] {path, "\"" + v + "\" is not allowed; " + Names.suggestion(String.valueOf(v),
                    allowed)});
        }
    }

    private void notBlank(String path, String v) {
        if (v == null || v.isBlank()) {
            errors.add(new String[] {path, "must not be empty"});
        }
    }
}
