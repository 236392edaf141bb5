package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.SdeRollout;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.algo.spi.flow.FlowTimestepSelector;
import java.util.List;

/**
 * Vanilla Flow-GRPO (Liu et al. 2025, methods-spec §3.1): SDE rollouts, per-prompt mean with global or per-prompt
 * std, raw per-step ratio; with {@code sde_window_size > 0} it is Flow-GRPO-Fast (SDE and training only inside a
 * random window of steps, ODE elsewhere).
 */
public final class FlowGrpoProvider implements FlowMethodProvider {
    public static final String ID = "flow_grpo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Flow-GRPO";
    }

    @Override
    public String description() {
        return "Flow-matching runs only: SDE sampling with per-step Gaussian log-probs, PPO clip per denoising step;"
                + " an SDE window turns it into Flow-GRPO-Fast.";
    }

    @Override
    public String paperReference() {
        return "Liu et al. 2025, Flow-GRPO (arXiv 2505.05470); code yifan123/flow_grpo";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.flag("global_std", true, "advantage std over the whole batch (true) or per prompt"),
                ParamSpec.integer("sde_window_size", 0, 0, 1000, "0: SDE on every step; W > 0: Flow-GRPO-Fast window"),
                ParamSpec.integer("sde_window_lo", 0, 0, 1000, "first step a window may start at"),
                ParamSpec.integer("sde_window_hi", 5, 1, 1000, "windows end at or before this step"));
    }

    @Override
    public FlowMethod createFlow(MethodParams p) {
        int size = p.getInt("sde_window_size");
        if (size <= 0) {
            return new FlowMethod(ID, new SdeRollout(false), null, null, null, p.getBoolean("global_std"));
        }
        FlowTimestepSelector window = FlowTimestepSelector.window(size, p.getInt("sde_window_lo"),
                p.getInt("sde_window_hi"));
        return new FlowMethod(ID, new SdeRollout(true), null, null, window, p.getBoolean("global_std"));
    }
}
