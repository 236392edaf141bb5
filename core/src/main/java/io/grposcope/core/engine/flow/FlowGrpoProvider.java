package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.algo.spi.flow.FlowTimestepSelector;
import io.grposcope.core.algo.spi.flow.MethodParams;
import java.util.LinkedHashMap;
import java.util.Map;

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
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("global_std", true);
        p.put("sde_window_size", 0);
        p.put("sde_window_lo", 0);
        p.put("sde_window_hi", 5);
        return p;
    }

    @Override
    public FlowMethod create(Map<String, Object> params) {
        MethodParams p = new MethodParams(ID, parameters(), params);
        int size = p.integer("sde_window_size");
        if (size <= 0) {
            return new FlowMethod(ID, new SdeRollout(false), null, null, null, p.flag("global_std"));
        }
        FlowTimestepSelector window = FlowTimestepSelector.window(size, p.integer("sde_window_lo"),
                p.integer("sde_window_hi"));
        return new FlowMethod(ID, new SdeRollout(true), null, null, window, p.flag("global_std"));
    }
}
