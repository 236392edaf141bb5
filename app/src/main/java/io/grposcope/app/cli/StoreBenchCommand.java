package io.grposcope.app.cli;

import io.grposcope.core.store.StoreBench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grposcope store-bench}: prints the run store's ingest and read figures. */
@Command(name = "store-bench", mixinStandardHelpOptions = true,
        description = "Measure the run store: scalar ingest, a 1M-point series read, a 10k-step heatmap read.")
public final class StoreBenchCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "Scratch folder for the bench database (default: a temporary folder).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        StoreBench.run(dir == null ? Files.createTempDirectory("grposcope-bench") : dir, System.out);
        return 0;
    }
}
