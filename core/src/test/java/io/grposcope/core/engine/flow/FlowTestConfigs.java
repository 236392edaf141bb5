package io.grposcope.core.engine.flow;

import io.grposcope.core.config.RunConfig;
import java.util.Map;

/** Small flow run configs for the core flow tests. */
public final class FlowTestConfigs {
    private FlowTestConfigs() {
    }

    public static RunConfig small(String method, Map<String, Object> params, int pretrain, int steps) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(RunConfig.SCHEMA_VERSION, "flow-test-" + method,
                new RunConfig.TaskConfig("flow", "point_modes", 1), d.policy(),
                new RunConfig.MethodConfig(method, params), new RunConfig.RolloutConfig(4, 4, 1.0, 1.0, 0),
                new RunConfig.OptimizerConfig(1e-3, 0.9, 0.999, 1e-8, 0, 1.0, 0, "constant"),
                new RunConfig.PpoConfig(1, 2, 0.05, 0.05, 3.0, "token-mean", 0), new RunConfig.KlConfig(0.01, "k2"),
                new RunConfig.WarmStartConfig(0, 2e-3, 256),
                new RunConfig.FlowConfig(6, 3.0, 0.7, 0.99, pretrain, 32, 5.0, "SIGMA_T_SQ"),
                new RunConfig.MetricsConfig(true, 16, 0.5, 8), 11L, "cpu", steps);
    }
}
