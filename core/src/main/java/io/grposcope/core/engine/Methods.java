package io.grposcope.core.engine;

import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.config.RunConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a run's method through the plugin registry. The run config's generic loss settings (ppo.lossAgg,
 * kl.estimator), when changed from their defaults, fill the method's parameters of the same meaning unless
 * method.params sets them; left at their defaults they do not override a method's own defaults (Dr. GRPO's
 * aggregation, for one).
 */
public final class Methods {

    private Methods() {
    }

    public static Method resolve(RunConfig c) {
        MethodRegistry registry = MethodRegistry.load(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Methods.class.getClassLoader());
        MethodProvider p = registry.find(c.method().id()).orElse(null);
        Map<String, Object> params = new LinkedHashMap<>(c.method().params());
        RunConfig d = RunConfig.defaults();
        if (p != null && !d.ppo().lossAgg().equals(c.ppo().lossAgg())) {
            fill(p, params, "loss_agg", c.ppo().lossAgg());
        }
        if (p != null && !d.kl().estimator().equals(c.kl().estimator())) {
            fill(p, params, "kl_estimator", c.kl().estimator());
        }
        return registry.resolve(c.method().id(), params);
    }

    private static void fill(MethodProvider p, Map<String, Object> params, String name, Object value) {
        boolean declared = p.params().stream().map(ParamSpec::name).anyMatch(name::equals);
        if (declared && value != null && !params.containsKey(name)) {
            params.put(name, value);
        }
    }
}
