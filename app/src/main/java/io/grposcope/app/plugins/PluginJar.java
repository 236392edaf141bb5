package io.grposcope.app.plugins;

import java.nio.file.Path;
import java.util.List;

/**
 * One jar found in the user's plugin folder and what became of it.
 *
 * @param jar        the file
 * @param state      loaded, not a method plugin, or broken
 * @param methodIds  ids of the methods it contributes (empty unless loaded)
 * @param detail     why it is not loaded, in words a user can act on (null when loaded)
 */
public record PluginJar(Path jar, State state, List<String> methodIds, String detail) {

    /** The three outcomes; only LOADED jars are on the plugin class path. */
    public enum State { LOADED, NOT_A_PLUGIN, BROKEN }

    public PluginJar {
        methodIds = List.copyOf(methodIds);
    }

    /** A single line for logs and the CLI: file name, state, and ids or reason. */
    public String describe() {
        String what = state == State.LOADED ? "methods " + String.join(", ", methodIds) : detail;
        return jar.getFileName() + ": " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " (" + what + ")";
    }
}
