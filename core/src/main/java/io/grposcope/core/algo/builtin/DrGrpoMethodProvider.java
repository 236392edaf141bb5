package io.grposcope.core.algo.builtin;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.EntropyBonus;
import io.grposcope.core.algo.GroupAdvantage;
import io.grposcope.core.algo.LossAggregation;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.ParamSpec;
import java.util.List;

/**
 * Dr. GRPO (Liu et al. 2025, "Understanding R1-Zero-Like Training"): advantages r_i − μ_q without the std, a
 * constant loss normaliser Σ M·L / C (verl seq-mean-token-sum-norm) or Σ M·L / (B·L_max) (TRL dr_grpo) instead
 * of per-sequence length, and no KL term. Removes GRPO's length and question-difficulty biases.
 */
public final class DrGrpoMethodProvider implements MethodProvider {

    @Override
    public String id() {
        return "dr_grpo";
    }

    @Override
    public String displayName() {
        return "Dr. GRPO";
    }

    @Override
    public String description() {
        return "GRPO Done Right: mean-centred advantages (no std division) and a constant loss normaliser, so long "
                + "wrong answers and easy/hard prompts are not over- or under-weighted. No KL to the reference.";
    }

    @Override
    public String paperReference() {
        return "Liu et al. 2025, Understanding R1-Zero-Like Training: A Critical Perspective (arXiv:2503.20783)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("divisor", "verl", List.of("verl", "trl"),
                        "verl: Σ loss / C (seq-mean-token-sum-norm); trl: Σ loss / (B · C) (TRL dr_grpo)"),
                ParamSpec.real("norm_constant", 0, 0, 1e9,
                        "C: a fixed constant, e.g. the max response length (0 = the batch's padded length T)"));
    }

    @Override
    public Hooks create(MethodParams p) {
        AggregationMode mode = "trl".equals(p.getString("divisor"))
                ? AggregationMode.TRL_DR_GRPO : AggregationMode.SEQ_MEAN_TOKEN_SUM_NORM;
        return Hooks.builder()
                .advantageEstimator(new GroupAdvantage(GroupAdvantage.Options.meanCentred()))
                .aggregator(new LossAggregation(mode, p.getDouble("norm_constant")))
                .regularizer(new EntropyBonus())
                .build();
    }
}
