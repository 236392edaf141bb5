package io.grposcope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where GRPO Scope keeps its files, following the XDG base-directory convention: settings and user plugins under
 * {@code $XDG_CONFIG_HOME/grposcope} (default {@code ~/.config/grposcope}), run databases under
 * {@code $XDG_DATA_HOME/grposcope} ({@code ~/.local/share/grposcope}), and re-creatable files such as DJL's
 * extracted libtorch under {@code $XDG_CACHE_HOME/grposcope} ({@code ~/.cache/grposcope}).
 */
public record AppDirs(Path config, Path data, Path cache) {

    /** DJL reads this as an environment variable first, then as a system property. */
    public static final String DJL_CACHE_KEY = "DJL_CACHE_DIR";

    private static final String APP = "grposcope";

    /** The directories of the current user and environment. */
    public static AppDirs current() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the directories from an environment map, so tests need not touch the real environment. */
    public static AppDirs from(Map<String, String> env, Path home) {
        return new AppDirs(
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
                xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(APP),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP));
    }

    /** Jars in this folder are loaded as method plugins at start. */
    public Path plugins() {
        return config.resolve("plugins");
    }

    /** The app-owned folder DJL extracts libtorch into (about 430 MB), unless the user chose another. */
    public Path djlCache() {
        return cache.resolve("djl");
    }

    /**
     * Points DJL's cache at {@link #djlCache()} unless the user already set {@code DJL_CACHE_DIR} (environment or
     * {@code -D}); must run before the engine is first touched. Returns the folder DJL will use.
     */
    public Path applyDjlCacheDir(Map<String, String> env) {
        String chosen = env.get(DJL_CACHE_KEY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getProperty(DJL_CACHE_KEY);
        }
        if (chosen == null || chosen.isBlank()) {
            chosen = djlCache().toString();
            System.setProperty(DJL_CACHE_KEY, chosen);
        }
        return Path.of(chosen);
    }

    /**
     * A one-time notice, present only while libtorch has not yet been extracted into {@code djlCacheDir}: the
     * first engine start writes about 430 MB there, and the user should know where and how to move it.
     */
    public static Optional<String> firstRunNotice(Path djlCacheDir) {
        if (Files.isDirectory(djlCacheDir.resolve("pytorch"))) {
            return Optional.empty();
        }
        return Optional.of("GRPO Scope: the first engine start extracts libtorch (about 430 MB) into "
                + djlCacheDir + " (set " + DJL_CACHE_KEY + " to use another folder; delete it to reclaim the space).");
    }

    /** {@link #firstRunNotice} for the folder DJL uses in this process (after {@link #applyDjlCacheDir}). */
    public static Optional<String> firstRunNotice() {
        String dir = System.getenv(DJL_CACHE_KEY);
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty(DJL_CACHE_KEY);
        }
        return dir == null || dir.isBlank() ? Optional.empty() : firstRunNotice(Path.of(dir));
    }

    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        // The XDG spec says relative values are invalid and must be ignored.
        if (v == null || v.isBlank() || !Path.of(v).isAbsolute()) {
            return fallback;
        }
        return Path.of(v);
    }
}
