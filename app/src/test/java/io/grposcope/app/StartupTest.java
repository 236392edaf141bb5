package io.grposcope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {

    @AfterEach
    void clearFlavor() {
        System.clearProperty(Startup.FLAVOR);
    }

    @Test
    void cudaLibtorchFolderGetsTheBundledCudaJniFlavor(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("libtorch/lib"));
        Files.createFile(lib.resolve("libtorch.so"));
        Files.createFile(lib.resolve("libtorch_cuda.so"));
        String paths = dir.resolve("elsewhere") + ":" + lib;
        assertThat(Startup.defaultFlavor(Map.of(Startup.LIBRARY_PATH, paths))).isEqualTo("cu128");
        assertThat(System.getProperty(Startup.FLAVOR)).isEqualTo("cu128");
    }

    @Test
    void cpuLibtorchFolderGetsCpu(@TempDir Path lib) throws Exception {
        Files.createFile(lib.resolve("libtorch.so"));
        assertThat(Startup.defaultFlavor(Map.of(Startup.LIBRARY_PATH, lib.toString()))).isEqualTo("cpu");
    }

    @Test
    void userChoiceAndBundledLibtorchAreLeftAlone(@TempDir Path lib) throws Exception {
        Files.createFile(lib.resolve("libtorch.so"));
        assertThat(Startup.defaultFlavor(Map.of())).isNull();
        assertThat(Startup.defaultFlavor(Map.of(Startup.LIBRARY_PATH, lib.toString(), Startup.FLAVOR, "cu126")))
                .isNull();
        assertThat(Startup.defaultFlavor(Map.of(Startup.LIBRARY_PATH, lib.resolve("none").toString()))).isNull();
        assertThat(System.getProperty(Startup.FLAVOR)).isNull();
    }

    @Test
    void announcesTheCacheFolderOnlyBeforeTheFirstExtraction(@TempDir Path cache) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Startup.announce(cache, new PrintStream(buf, true, StandardCharsets.UTF_8));
        Files.createDirectories(cache.resolve("pytorch"));
        Startup.announce(cache, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().count()).isEqualTo(1);
        assertThat(out).contains(cache.toString());
    }
}
