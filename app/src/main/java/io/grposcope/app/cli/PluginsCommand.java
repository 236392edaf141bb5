package io.grposcope.app.cli;

import io.grposcope.app.plugins.PluginJar;
import io.grposcope.app.plugins.UserPlugins;
import io.grposcope.core.algo.spi.ProviderStatus;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code grposcope plugins}: the user plugin folder, each jar's status, and every method the app can run. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List method plugins: jars in the user plugin folder (loaded or why not) and all methods.")
public final class PluginsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        print(UserPlugins.current(), System.out);
        return 0;
    }

    static void print(UserPlugins u, PrintStream out) {
        out.println("plugin folder: " + u.folder().toAbsolutePath()
                + (u.jars().isEmpty() ? " (no jars; drop method plugin jars here)" : ""));
        for (PluginJar j : u.jars()) {
            out.println("  " + j.describe());
        }
        out.println("methods:");
        for (ProviderStatus s : u.registry().statuses()) {
            String state = s.available() ? "" : "  UNAVAILABLE: " + s.error();
            out.printf("  %-16s %s%s%n", s.id(), s.displayName(), state);
        }
    }
}
