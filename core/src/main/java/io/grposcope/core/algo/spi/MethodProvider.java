package io.grposcope.core.algo.spi;

import java.util.List;

/**
 * A GRPO-family method as a plugin: found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.grposcope.core.algo.spi.MethodProvider}), described for the UI, and a factory
 * for the hooks it overrides. Hooks it leaves out are vanilla GRPO's. Needs a public no-argument constructor.
 */
public interface MethodProvider {

    /** Stable id used in run configs, e.g. "dr_grpo" (lower case, digits, '_'). */
    String id();

    String displayName();

    /** One or two sentences: what the method changes and why. */
    String description();

    /** Paper (authors, year, arXiv id or venue) and, if read, the code it follows. */
    String paperReference();

    /** Declared parameters with defaults, ranges and descriptions. */
    List<ParamSpec> params();

    /** The hooks this method overrides for the given (validated, defaults-filled) parameter values. */
    Hooks create(MethodParams params);
}
