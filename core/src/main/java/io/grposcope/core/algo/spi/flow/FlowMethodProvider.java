package io.grposcope.core.algo.spi.flow;

import java.util.Map;

/**
 * ServiceLoader entry point of a flow-GRPO method plugin ({@code META-INF/services/...FlowMethodProvider}).
 * {@link #parameters()} lists the method's own parameters with their defaults, for the new-run dialog.
 */
public interface FlowMethodProvider {

    /** The id used in {@code method.id} of a run config, e.g. "grpo_guard". */
    String id();

    String displayName();

    /** Parameter names and default values. */
    Map<String, Object> parameters();

    /** Builds the method for one run; unknown or malformed parameters fail with a message naming them. */
    FlowMethod create(Map<String, Object> params);
}
