package io.grposcope.plugins.guard;

import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import java.util.List;

/**
 * GRPO-Guard (Wang et al. 2025, "regulated clipping", methods-spec §3.3) on top of Flow-GRPO: RatioNorm per
 * denoising step ({@code log ŵ = (Δlogp + b_k)·τ_k}) and the 1/Δt loss reweighting, each switchable.
 */
public final class GrpoGuardProvider implements FlowMethodProvider {
    public static final String ID = "grpo_guard";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "GRPO-Guard";
    }

    @Override
    public String description() {
        return "Flow-matching runs only: centres each denoising step's log-ratio at 0 with a step-independent scale"
                + " (RatioNorm) and divides each step's loss by Δt so every noise level pulls equally.";
    }

    @Override
    public String paperReference() {
        return "Wang et al. 2025, GRPO-Guard (arXiv 2510.22319); formulas as in Flow-Factory and verl-omni";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.flag("ratio_norm", true, "RatioNorm: log ŵ = (log p_θ − log p_old + b_k)·τ_k"),
                ParamSpec.flag("dt_reweight", true, "divide step k's policy loss by Δt_k"),
                ParamSpec.flag("dt_normalize", false, "rescale the 1/Δt weights to average 1 over trained steps"),
                ParamSpec.flag("global_std", true, "advantage std over the whole batch (true) or per prompt"));
    }

    @Override
    public FlowMethod createFlow(MethodParams p) {
        return new FlowMethod(ID, null, p.getBoolean("ratio_norm") ? new RatioNorm() : null,
                p.getBoolean("dt_reweight") ? new InverseDtWeighting(p.getBoolean("dt_normalize")) : null, null,
                p.getBoolean("global_std"));
    }
}
