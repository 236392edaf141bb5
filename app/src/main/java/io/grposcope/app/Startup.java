package io.grposcope.app;

import io.grposcope.app.plugins.PluginFolder;
import io.grposcope.app.plugins.UserPlugins;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Process-wide settings that must be in place before DJL's engine is first touched: DJL's cache folder (an
 * app-owned one, announced once), the libtorch flavor when the user points DJL at their own libtorch, and the
 * user's plugin jars (installed as the context class loader, where the engine looks methods up).
 */
public final class Startup {

    /** Commands that start the engine, and so may extract libtorch; the rest stay quiet. */
    private static final Set<String> ENGINE_COMMANDS = Set.of("gui", "train");

    static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    static final String FLAVOR = "PYTORCH_FLAVOR";
    /** The only CUDA flavor whose JNI library ships inside pytorch-jni 2.7.1-0.36.0. */
    static final String CUDA_FLAVOR = "cu128";

    private Startup() {
    }

    /** Called first thing by {@link Main}. */
    public static void prepare(String[] args) {
        Map<String, String> env = System.getenv();
        AppDirs dirs = AppDirs.current();
        Path djlCache = dirs.applyDjlCacheDir(env);
        defaultFlavor(env);
        UserPlugins plugins = PluginFolder.load(dirs.plugins(), Startup.class.getClassLoader()).install();
        String command = args.length == 0 ? "gui" : args[0];
        if (ENGINE_COMMANDS.contains(command)) {
            announce(djlCache, System.err);
            plugins.problems().forEach(p -> System.err.println("GRPO Scope plugin " + p.describe()));
        }
    }

    static void announce(Path djlCache, PrintStream out) {
        AppDirs.firstRunNotice(djlCache).ifPresent(out::println);
    }

    /**
     * DJL assumes flavor "cpu-precxx11" for a libtorch given by {@code PYTORCH_LIBRARY_PATH}, for which no JNI
     * library ships, and fails with "PyTorch jni not found". Pick the flavor from the folder itself unless the user
     * set one. Returns the flavor chosen, or null when nothing was changed.
     */
    static String defaultFlavor(Map<String, String> env) {
        String libPath = env.get(LIBRARY_PATH);
        if (libPath == null || libPath.isBlank() || env.get(FLAVOR) != null || System.getProperty(FLAVOR) != null) {
            return null;
        }
        for (String dir : libPath.split(File.pathSeparator)) {
            if (Files.exists(Path.of(dir, "libtorch.so"))) {
                String flavor = Files.exists(Path.of(dir, "libtorch_cuda.so")) ? CUDA_FLAVOR : "cpu";
                System.setProperty(FLAVOR, flavor);
                return flavor;
            }
        }
        return null;
    }
}
