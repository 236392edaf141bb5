package io.grposcope.app.plugins;

import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ProviderStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads method plugins from jars dropped into a folder (by default {@code ~/.config/grposcope/plugins}). Each jar
 * is tried alone first, so a corrupt jar, a missing class or a provider that throws is reported against its own
 * file and left out; the good jars then share one class loader, handed to {@link MethodRegistry}. Nothing here
 * is fatal: the worst outcome is the built-in methods only.
 */
public final class PluginFolder {

    static final String SERVICE_ENTRY = "META-INF/services/" + MethodProvider.class.getName();

    private PluginFolder() {
    }

    /** Scans {@code dir} (missing is fine) with {@code parent} as the class loader of core and the built-ins. */
    public static UserPlugins load(Path dir, ClassLoader parent) {
        Set<String> builtinClasses = MethodRegistry.load(parent).statuses().stream()
                .map(ProviderStatus::className).collect(Collectors.toSet());
        List<PluginJar> jars = new ArrayList<>();
        List<URL> good = new ArrayList<>();
        for (Path jar : jarsIn(dir)) {
            PluginJar status = inspect(jar, parent, builtinClasses);
            jars.add(status);
            if (status.state() == PluginJar.State.LOADED) {
                good.add(url(jar));
            }
        }
        ClassLoader loader = good.isEmpty() ? parent
                : new URLClassLoader("grposcope-plugins", good.toArray(URL[]::new), parent);
        return new UserPlugins(dir, jars, loader, MethodRegistry.load(loader));
    }

    static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + dir, e);
        }
    }

    /** Tries one jar on its own class loader, which is closed again whatever happens. */
    static PluginJar inspect(Path jar, ClassLoader parent, Set<String> builtinClasses) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getEntry(SERVICE_ENTRY) == null) {
                return new PluginJar(jar, PluginJar.State.NOT_A_PLUGIN, List.of(),
                        "no " + SERVICE_ENTRY + " entry, so it declares no method provider");
            }
        } catch (IOException | SecurityException e) {
            return new PluginJar(jar, PluginJar.State.BROKEN, List.of(), "not a readable jar: " + e.getMessage());
        }
        try (URLClassLoader probe = new URLClassLoader(new URL[] {url(jar)}, parent)) {
            List<ProviderStatus> own = MethodRegistry.load(probe).statuses().stream()
                    .filter(s -> !builtinClasses.contains(s.className())).collect(Collectors.toList());
            return judge(jar, own);
        } catch (IOException e) {
            return new PluginJar(jar, PluginJar.State.BROKEN, List.of(), "cannot close class loader: " + e);
        }
    }

    private static PluginJar judge(Path jar, List<ProviderStatus> own) {
        List<String> errors = own.stream().filter(s -> !s.available())
                .map(s -> s.className() + ": " + s.error()).collect(Collectors.toList());
        if (!errors.isEmpty()) {
            return new PluginJar(jar, PluginJar.State.BROKEN, List.of(), String.join("; ", errors));
        }
        if (own.isEmpty()) {
            return new PluginJar(jar, PluginJar.State.BROKEN, List.of(),
                    SERVICE_ENTRY + " lists no provider this jar can supply");
        }
        return new PluginJar(jar, PluginJar.State.LOADED,
                own.stream().map(ProviderStatus::id).collect(Collectors.toList()), null);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin path is not a valid URL: " + jar, e);
        }
    }
}
