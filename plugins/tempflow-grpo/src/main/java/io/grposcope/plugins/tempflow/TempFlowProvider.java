package io.grposcope.plugins.tempflow;

import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.algo.spi.flow.FlowStepWeighting;
import java.util.List;

/**
 * TempFlow-GRPO (He et al. 2025, methods-spec §3.4): branch rollouts give each denoising step its own reward,
 * advantages are normalised per step column (by prompt or prompt × seed), and step losses are weighted by noise level.
 */
public final class TempFlowProvider implements FlowMethodProvider {
    public static final String ID = "tempflow_grpo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "TempFlow-GRPO";
    }

    @Override
    public String description() {
        return "Flow-matching runs only: ODE trajectories branch into E SDE successors at each trained step, so each"
                + " step is credited with its own rewards; step losses are weighted by their noise level τ_k.";
    }

    @Override
    public String paperReference() {
        return "He et al. 2025, TempFlow-GRPO (arXiv 2508.04324); code Shredded-Pork/TempFlow-GRPO";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("branches", 4, 1, 256, "E: SDE successors per ODE state at each branch step"),
                ParamSpec.integer("seeds", 3, 1, 256, "initial noises (ODE trajectories) per prompt"),
                ParamSpec.choice("group_by", "prompt", List.of("prompt", "prompt_seed"),
                        "advantage groups within a step column: the prompt (repo) or prompt × seed (paper v3)"),
                ParamSpec.choice("weighting", "tau_mean", List.of("tau_mean", "constant", "none"),
                        "τ_k / mean τ, c·τ_k, or uniform"),
                ParamSpec.real("c", 2.25, 0, 1000, "the constant of the c·τ_k form"),
                ParamSpec.flag("global_std", true, "advantage std over the whole step column (true) or per group"));
    }

    @Override
    public FlowMethod createFlow(MethodParams p) {
        BranchRollout rollout = new BranchRollout(p.getInt("branches"), p.getInt("seeds"),
                "prompt_seed".equals(p.getString("group_by")));
        FlowStepWeighting w = switch (p.getString("weighting")) {
            case "constant" -> NoiseAwareWeighting.constant(p.getDouble("c"));
            case "none" -> null;
            default -> NoiseAwareWeighting.relative();
        };
        return new FlowMethod(ID, rollout, null, w, null, p.getBoolean("global_std"));
    }
}
