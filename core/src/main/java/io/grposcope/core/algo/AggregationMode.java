package io.grposcope.core.algo;

import java.util.Arrays;
import java.util.Locale;

/** Loss aggregation modes of methods-spec §1.5, with verl's names (plus TRL's dr_grpo divisor). */
public enum AggregationMode {
    /** Σ M·L / Σ M. verl's default, DAPO's token-level loss. */
    TOKEN_MEAN("token-mean"),
    /** mean over non-empty rows of Σ_t M·L. */
    SEQ_MEAN_TOKEN_SUM("seq-mean-token-sum"),
    /** mean over non-empty rows of Σ_t M·L / n_i: the original GRPO paper's form. */
    SEQ_MEAN_TOKEN_MEAN("seq-mean-token-mean"),
    /** verl: Σ M·L / C with C the loss_scale_factor or, unset, the padded length T. Not divided by B. */
    SEQ_MEAN_TOKEN_SUM_NORM("seq-mean-token-sum-norm"),
    /** TRL dr_grpo: Σ M·L / (B · L_max), L_max the max completion length (the padded T when unset). */
    TRL_DR_GRPO("dr_grpo"),
    /** TRL loss_type=grpo: mean over all rows (empty ones too) of Σ_t M·L / max(n_i, 1). */
    TRL_GRPO("trl-grpo");

    private final String key;

    AggregationMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses verl/TRL names ("token-mean", "seq-mean-token-sum-norm", "dr_grpo"), case-insensitive. */
    public static AggregationMode parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AggregationMode m : values()) {
            if (m.key.replace('_', '-').equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown loss aggregation mode '" + s + "'; valid: "
                + Arrays.stream(values()).map(AggregationMode::key).toList());
    }
}
