package io.grposcope.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link RunConfig} as a complete YAML file that {@link ConfigLoader} reads back to an equal config. */
public final class ConfigYaml {

    private static final ObjectMapper YAML = ConfigJson.configure(YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).build();

    private ConfigYaml() {
    }

    public static String toYaml(RunConfig config) {
        try {
            return "# GRPO Scope run config (schema " + config.schemaVersion() + ")\n" + YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run config as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Saves atomically: written next to the target, then moved over it. */
    public static void save(RunConfig config, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, toYaml(config), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save run config to " + file + ": " + e.getMessage(), e);
        }
    }
}
