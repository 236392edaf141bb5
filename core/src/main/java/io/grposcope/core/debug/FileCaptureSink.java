package io.grposcope.core.debug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Keeps each capture as {@code capture-<step>.json} in a folder; the id is the step. Used without a store. */
public final class FileCaptureSink implements CaptureSink {

    private final Path dir;

    public FileCaptureSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public long store(BatchCapture capture) {
        Path file = dir.resolve("capture-" + capture.step() + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, BatchCaptureJson.write(capture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write capture of step " + capture.step() + " to " + file, e);
        }
        return capture.step();
    }

    @Override
    public Optional<BatchCapture> load(long captureId) {
        Path file = dir.resolve("capture-" + captureId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(BatchCaptureJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read capture " + file, e);
        }
    }

    @Override
    public List<Entry> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("capture-") && n.endsWith(".json"))
                    .map(n -> Long.parseLong(n.substring(8, n.length() - 5)))
                    .forEach(step -> out.add(new Entry(step, step)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list captures in " + dir, e);
        }
        out.sort(Comparator.comparingLong(Entry::step));
        return out;
    }
}
