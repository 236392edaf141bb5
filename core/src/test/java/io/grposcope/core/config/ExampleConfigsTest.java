package io.grposcope.core.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example config shipped in assets loads and validates, so examples and validation rules never drift. */
class ExampleConfigsTest {

    private static final String FOLDER = "io/grposcope/assets/configs";

    @Test
    void bundledExampleConfigsLoad() throws Exception {
        URL url = getClass().getClassLoader().getResource(FOLDER);
        assertThat(url).as("example configs on the class path").isNotNull();
        URI uri = url.toURI();
        try (FileSystem fs = "jar".equals(uri.getScheme()) ? FileSystems.newFileSystem(uri, Map.of()) : null) {
            Path dir = fs == null ? Path.of(uri) : fs.getPath(FOLDER);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
            }
            assertThat(files).isNotEmpty();
            ConfigLoader loader = new ConfigLoader(Set.of());
            for (Path f : files) {
                RunConfig c = loader.parse(Files.readString(f), f.getFileName().toString(),
                        f.toString().endsWith(".json"));
                assertThat(c.name()).as(f.toString()).isNotBlank();
            }
        }
    }
}
