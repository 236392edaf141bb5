package io.grposcope.core.algo.spi.flow;

import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.MethodProvider;

/**
 * A method for flow-matching runs. It is a {@link MethodProvider} (listed, described and parameterised like every
 * method, in {@code META-INF/services/io.grposcope.core.algo.spi.MethodProvider}) and is also listed in
 * {@code META-INF/services/io.grposcope.core.algo.spi.flow.FlowMethodProvider} so the flow trainer finds its
 * flow hooks. Its token hooks are vanilla GRPO's: a flow method has no meaning on a token task.
 */
public interface FlowMethodProvider extends MethodProvider {

    /** The flow hooks for validated, defaults-filled parameters. */
    FlowMethod createFlow(MethodParams params);

    @Override
    default Hooks create(MethodParams params) {
        return Hooks.builder().build();
    }
}
