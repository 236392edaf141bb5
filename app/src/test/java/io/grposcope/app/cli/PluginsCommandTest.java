package io.grposcope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.app.plugins.PluginFolder;
import io.grposcope.app.plugins.UserPlugins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    private static String print(UserPlugins u) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PluginsCommand.print(u, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void emptyFolderSaysWhereJarsGoAndListsBuiltins(@TempDir Path dir) {
        String out = print(PluginFolder.load(dir.resolve("plugins"), getClass().getClassLoader()));
        assertThat(out).contains("plugin folder: " + dir.resolve("plugins")).contains("drop method plugin jars here");
        assertThat(out).containsPattern("(?m)^  grpo +\\S");
    }

    @Test
    void brokenJarIsListedWithItsReason(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("junk.jar"), "not a zip");
        String out = print(PluginFolder.load(plugins, getClass().getClassLoader()));
        assertThat(out).contains("  junk.jar: broken (not a readable jar");
    }
}
