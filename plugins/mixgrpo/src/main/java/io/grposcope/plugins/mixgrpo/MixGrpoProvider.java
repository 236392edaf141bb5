package io.grposcope.plugins.mixgrpo;

import io.grposcope.core.algo.spi.flow.SdeRollout;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import java.util.List;
import java.util.Locale;

/**
 * MixGRPO (Tencent Hunyuan 2025, methods-spec §3.5): Flow-SDE sampling and GRPO training only inside a sliding window
 * of W denoising steps, ODE elsewhere; the window moves from high-noise to low-noise steps as training proceeds, and
 * the engine scales each window step's loss by 1/|window|.
 */
public final class MixGrpoProvider implements FlowMethodProvider {
    public static final String ID = "mixgrpo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "MixGRPO";
    }

    @Override
    public String description() {
        return "Flow-matching runs only: SDE sampling and training inside a sliding window of denoising steps, ODE"
                + " elsewhere; the window moves from noisy to clean steps (progressive, decay, exp_decay or random).";
    }

    @Override
    public String paperReference() {
        return "Tencent Hunyuan 2025, MixGRPO: flow GRPO with mixed ODE-SDE sampling; code Tencent-Hunyuan/MixGRPO";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("window_size", 4, 1, 1000, "W: denoising steps sampled with the SDE and trained"),
                ParamSpec.choice("strategy", "progressive", List.of("progressive", "decay", "exp_decay", "random"),
                        "how the window moves: fixed steps per position, fewer at later positions (linear or"
                                + " exponential), or a uniform random start every step"),
                ParamSpec.integer("iters_per_group", 25, 1, 1_000_000, "GRPO steps per window position"
                        + " (progressive; exp_decay's base)"),
                ParamSpec.flag("overlap", true, "advance by 'stride' steps (true) or by a whole window (false)"),
                ParamSpec.integer("stride", 1, 1, 1000, "steps the window advances with overlap"),
                ParamSpec.flag("roll_back", true, "past the last position go back to step 0 (true) or stay"),
                ParamSpec.integer("max_iters", 10, 1, 1_000_000, "decay: GRPO steps at the first position"),
                ParamSpec.integer("min_iters", 1, 1, 1_000_000, "decay: GRPO steps at K_max, and the floor"),
                ParamSpec.real("exp_decay_k", 0.1, 0, 100, "exp_decay: rate k in iters·exp(−k·max(0, cur − threshold))"),
                ParamSpec.integer("exp_decay_threshold", 13, 0, 1000, "exp_decay: position where the decay starts"),
                ParamSpec.flag("same_noise", true, "a group's samples share one initial noise (the script's"
                        + " --init_same_noise), so only the window's SDE draws tell them apart"),
                ParamSpec.flag("global_std", false, "advantage std over the whole batch (true) or per prompt group"));
    }

    @Override
    public FlowMethod createFlow(MethodParams p) {
        return new FlowMethod(ID, new SdeRollout(true, p.getBoolean("same_noise")), null, null,
                new SlidingWindowSelector(schedule(p)), p.getBoolean("global_std"));
    }

    /** The window schedule the parameters describe. */
    public static WindowSchedule schedule(MethodParams p) {
        int size = p.getInt("window_size");
        WindowSchedule.Strategy strategy = WindowSchedule.Strategy.valueOf(p.getString("strategy")
                .toUpperCase(Locale.ROOT));
        if (p.getInt("min_iters") > p.getInt("max_iters")) {
            throw new IllegalArgumentException("method 'mixgrpo': min_iters (" + p.getInt("min_iters")
                    + ") must not exceed max_iters (" + p.getInt("max_iters") + ")");
        }
        return new WindowSchedule(strategy, size, p.getInt("iters_per_group"),
                p.getBoolean("overlap") ? p.getInt("stride") : size, p.getBoolean("roll_back"), p.getInt("max_iters"),
                p.getInt("min_iters"), p.getDouble("exp_decay_k"), p.getInt("exp_decay_threshold"));
    }
}
