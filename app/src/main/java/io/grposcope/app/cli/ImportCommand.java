package io.grposcope.app.cli;

import io.grposcope.core.store.RunImporter;
import io.grposcope.core.store.RunStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grposcope import FILE}: a JSONL metrics log (verl's file-logger format) as a new run. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a JSONL metrics log ({\"step\": N, \"data\": {...}} per line, as verl writes) as a run.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The .jsonl file.")
    Path file;

    @Option(names = "--name", description = "Run name (default: the file name).")
    String name;

    @CommandLine.Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Override
    public Integer call() throws IOException {
        String runName = name == null ? file.getFileName().toString() : name;
        try (RunStore store = workspace.open();
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RunImporter.Result r = new RunImporter(store).importJsonl(in, runName, file.toString());
            r.problems().forEach(System.err::println);
            System.out.printf("imported %s as run %d: %d steps, %d values (%d nulls flagged as non-finite),"
                    + " %d lines skipped or partly skipped%n", file, r.ids().runId(), r.steps(), r.points(),
                    r.nullsFlagged(), r.problems().size());
            return r.steps() == 0 && r.lines() > 0 ? 1 : 0;
        }
    }
}
