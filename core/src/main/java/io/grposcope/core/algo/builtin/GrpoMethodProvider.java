package io.grposcope.core.algo.builtin;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.GroupAdvantage;
import io.grposcope.core.algo.KlEstimator;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Vanilla GRPO (Shao et al. 2024, DeepSeekMath): group z-score advantages, PPO-clipped token ratios and a KL
 * term to the reference in the loss. Parameters choose among the verl/TRL/Flow-GRPO options of methods-spec §1.
 */
public final class GrpoMethodProvider implements MethodProvider {

    static final List<String> NORMS = List.of("z_score", "mean_centred", "batch_std", "verl_vectorized");

    @Override
    public String id() {
        return "grpo";
    }

    @Override
    public String displayName() {
        return "GRPO";
    }

    @Override
    public String description() {
        return "Group Relative Policy Optimization: each completion's advantage is its reward standardised within "
                + "its prompt's group; PPO-clipped token ratios; KL to a frozen reference added to the loss.";
    }

    @Override
    public String paperReference() {
        return "Shao et al. 2024, DeepSeekMath (arXiv:2402.03300); defaults follow verl core_algos.py";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("adv_norm", "z_score", NORMS,
                        "How rewards become advantages: z_score per group, mean_centred (no std), batch_std (group "
                                + "mean, batch std), verl_vectorized (verl's float32 vectorized numerics)"),
                ParamSpec.choice("adv_std", "unbiased", List.of("unbiased", "population"),
                        "Std divisor: unbiased n-1 (verl, TRL) or population n (Flow-GRPO)"),
                ParamSpec.real("adv_eps", 1e-6, 0, 1, "ε added to the std (verl 1e-6, TRL and Flow-GRPO 1e-4)"),
                ParamSpec.choice("singleton", "raw_score", List.of("raw_score", "zero"),
                        "A group of one row: raw_score = verl (mean 0, std 1), zero = no signal"),
                ParamSpec.choice("flat_groups", "zero", List.of("zero", "residue"),
                        "All-equal groups: zero (exact 0) or residue (verl/TRL: rounding residue / eps)"),
                ParamSpec.choice("loss_agg", "token-mean", aggKeys(),
                        "Loss aggregation: token-mean (verl default), seq-mean-token-mean (GRPO paper), ..."),
                ParamSpec.real("loss_scale", 0, 0, 1e9,
                        "Constant divisor for seq-mean-token-sum-norm / dr_grpo (0 = padded length T)"),
                ParamSpec.choice("kl_estimator", "k3", List.of("k1", "abs", "k2", "k3", "k1+", "k3+"),
                        "KL estimator vs the reference: k3 = verl low_var_kl (default), k2 = mse, k1 = kl"));
    }

    @Override
    public Hooks create(MethodParams p) {
        return VanillaGrpo.hooks(advantageOptions(p), AggregationMode.parse(p.getString("loss_agg")),
                p.getDouble("loss_scale"), KlEstimator.parse(p.getString("kl_estimator")));
    }

    static GroupAdvantage.Options advantageOptions(MethodParams p) {
        GroupAdvantage.Normalization n = switch (p.getString("adv_norm")) {
            case "mean_centred" -> GroupAdvantage.Normalization.MEAN_CENTRED;
            case "batch_std" -> GroupAdvantage.Normalization.BATCH_STD;
            case "verl_vectorized" -> GroupAdvantage.Normalization.VERL_VECTORIZED;
            default -> GroupAdvantage.Normalization.Z_SCORE;
        };
        GroupAdvantage.StdKind std = GroupAdvantage.StdKind.valueOf(p.getString("adv_std").toUpperCase(Locale.ROOT));
        GroupAdvantage.Singleton single = "zero".equals(p.getString("singleton"))
                ? GroupAdvantage.Singleton.ZERO : GroupAdvantage.Singleton.RAW_SCORE;
        return new GroupAdvantage.Options(n, std, p.getDouble("adv_eps"), single,
                "zero".equals(p.getString("flat_groups")));
    }

    static List<String> aggKeys() {
        return Arrays.stream(AggregationMode.values()).map(AggregationMode::key).toList();
    }
}
