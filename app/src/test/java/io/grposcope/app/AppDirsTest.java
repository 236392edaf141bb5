package io.grposcope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirsTest {

    private static final Path HOME = Path.of("/home/ada");

    private final String savedDjl = System.getProperty(AppDirs.DJL_CACHE_KEY);

    @AfterEach
    void restoreProperty() {
        if (savedDjl == null) {
            System.clearProperty(AppDirs.DJL_CACHE_KEY);
        } else {
            System.setProperty(AppDirs.DJL_CACHE_KEY, savedDjl);
        }
    }

    @Test
    void defaultsFollowTheXdgFallbacks() {
        AppDirs d = AppDirs.from(Map.of(), HOME);
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/grposcope"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/grposcope"));
        assertThat(d.plugins()).isEqualTo(Path.of("/home/ada/.config/grposcope/plugins"));
        assertThat(d.djlCache()).isEqualTo(Path.of("/home/ada/.cache/grposcope/djl"));
    }

    @Test
    void absoluteXdgVariablesWinRelativeOnesAreIgnored() {
        AppDirs d = AppDirs.from(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "relative/cache",
                "XDG_DATA_HOME", " "), HOME);
        assertThat(d.plugins()).isEqualTo(Path.of("/cfg/grposcope/plugins"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/.cache/grposcope"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/grposcope"));
    }

    @Test
    void djlCacheIsSetOnlyWhenTheUserChoseNone() {
        AppDirs d = AppDirs.from(Map.of(), HOME);
        System.clearProperty(AppDirs.DJL_CACHE_KEY);
        assertThat(d.applyDjlCacheDir(Map.of())).isEqualTo(d.djlCache());
        assertThat(System.getProperty(AppDirs.DJL_CACHE_KEY)).isEqualTo(d.djlCache().toString());

        System.setProperty(AppDirs.DJL_CACHE_KEY, "/big/disk/djl");
        assertThat(d.applyDjlCacheDir(Map.of())).isEqualTo(Path.of("/big/disk/djl"));
        assertThat(d.applyDjlCacheDir(Map.of(AppDirs.DJL_CACHE_KEY, "/env/djl"))).isEqualTo(Path.of("/env/djl"));
        assertThat(System.getProperty(AppDirs.DJL_CACHE_KEY)).isEqualTo("/big/disk/djl");
    }

    @Test
    void firstRunNoticeUntilLibtorchIsExtracted(@TempDir Path cache) throws Exception {
        assertThat(AppDirs.firstRunNotice(cache)).hasValueSatisfying(
                n -> assertThat(n).contains(cache.toString()).contains("430 MB").contains("DJL_CACHE_DIR"));
        Files.createDirectories(cache.resolve("pytorch"));
        assertThat(AppDirs.firstRunNotice(cache)).isEmpty();
    }

    @Test
    void processNoticeFollowsTheDirectoryDjlWillUse(@TempDir Path cache) {
        if (System.getenv(AppDirs.DJL_CACHE_KEY) == null) {
            System.setProperty(AppDirs.DJL_CACHE_KEY, cache.toString());
            assertThat(AppDirs.firstRunNotice()).hasValueSatisfying(n -> assertThat(n).contains(cache.toString()));
        } else {
            assertThat(AppDirs.firstRunNotice()).isEqualTo(
                    AppDirs.firstRunNotice(Path.of(System.getenv(AppDirs.DJL_CACHE_KEY))));
        }
    }
}
