package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.SdeRollout;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.config.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds flow method providers with {@link ServiceLoader} (built-in Flow-GRPO plus plugins). */
public final class FlowMethods {
    private FlowMethods() {
    }

    /**
     * Providers visible to the thread's context class loader (where the app installs the user plugin folder) and
     * to core's own loader, first one per id.
     */
    public static List<FlowMethodProvider> providers() {
        List<FlowMethodProvider> list = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader cl : new ClassLoader[] {context, FlowMethods.class.getClassLoader()}) {
            if (cl == null) {
                continue;
            }
            for (FlowMethodProvider p : ServiceLoader.load(FlowMethodProvider.class, cl)) {
                if (list.stream().noneMatch(q -> q.id().equals(p.id()))) {
                    list.add(p);
                }
            }
        }
        if (list.stream().noneMatch(p -> p.id().equals(FlowGrpoProvider.ID))) {
            list.add(0, new FlowGrpoProvider());
        }
        return list;
    }

    /** The provider for {@code id}; "grpo" (the config default) means vanilla Flow-GRPO on a flow task. */
    public static FlowMethodProvider provider(String id) {
        String want = id == null || id.equals("grpo") ? FlowGrpoProvider.ID : id;
        List<FlowMethodProvider> all = providers();
        return all.stream().filter(p -> p.id().equals(want)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow method '" + want + "' on the class path; known: "
                        + all.stream().map(FlowMethodProvider::id).toList()));
    }

    /** The configured method with vanilla defaults filled in. */
    public static FlowMethod create(RunConfig.MethodConfig m) {
        FlowMethodProvider p = provider(m == null ? null : m.id());
        FlowMethod method = p.createFlow(MethodRegistry.validate(p, m == null ? Map.of() : m.params()));
        return method.withDefaults(new SdeRollout(false));
    }
}
