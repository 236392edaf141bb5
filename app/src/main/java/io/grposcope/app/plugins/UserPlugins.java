package io.grposcope.app.plugins;

import io.grposcope.core.algo.spi.MethodRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of loading the user's plugin folder: each jar's status, the class loader over the good ones and the
 * method registry seen through it (built-ins included). {@link #install} makes it the process-wide choice.
 */
public record UserPlugins(Path folder, List<PluginJar> jars, ClassLoader loader, MethodRegistry registry) {

    private static volatile UserPlugins installed;

    public UserPlugins {
        jars = List.copyOf(jars);
    }

    /**
     * Makes these plugins the process-wide set: the context class loader of the calling thread (and so of the
     * engine and FX threads it starts) sees them, which is where the engine looks up methods.
     */
    public UserPlugins install() {
        installed = this;
        Thread.currentThread().setContextClassLoader(loader);
        return this;
    }

    /** The installed set, or the built-ins alone when nothing was installed (tests, embedded use). */
    public static UserPlugins current() {
        UserPlugins u = installed;
        if (u != null) {
            return u;
        }
        ClassLoader cl = UserPlugins.class.getClassLoader();
        return new UserPlugins(Path.of(""), List.of(), cl, MethodRegistry.load(cl));
    }

    /** Forgets the installed set (tests). */
    static void uninstall() {
        installed = null;
    }

    /** Jars that were found but are not loaded, with the reason. */
    public List<PluginJar> problems() {
        return jars.stream().filter(j -> j.state() != PluginJar.State.LOADED).toList();
    }
}
