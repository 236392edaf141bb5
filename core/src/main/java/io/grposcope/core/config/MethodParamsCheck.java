package io.grposcope.core.config;

import java.util.Map;

/**
 * Checks a method plugin's parameters ({@code method.params}) for {@link ConfigLoader}: returns, per offending
 * parameter name, what is wrong ("no such parameter; did you mean clip_eps?", "0.9 out of range [0, 0.5]").
 * Lives here as a plain function so config does not depend on the plugin SPI; whoever holds the
 * {@code MethodRegistry} adapts it (unknown names from the provider's {@code params()}, values via
 * {@code ParamSpec.coerce}).
 */
@FunctionalInterface
public interface MethodParamsCheck {

    Map<String, String> problems(String methodId, Map<String, Object> params);
}
