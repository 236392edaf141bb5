package io.grposcope.app.cli;

import io.grposcope.core.store.RunExporter;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.RunSummary;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grposcope export}: a run's scalars as CSV or verl-style JSONL. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's scalar metrics as CSV or as JSONL in verl's file-logger format.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "Run id (see `runs`).")
    long run;

    @Option(names = "--branch", description = "Branch id (default: the run's root branch); its lineage is exported.")
    Long branch;

    @Option(names = "--format", required = true, description = "csv or jsonl.")
    String format;

    @Option(names = "--out", required = true, description = "Output file.")
    Path out;

    @CommandLine.Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Override
    public Integer call() throws IOException {
        RunExporter.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> RunExporter.Format.CSV;
            case "jsonl" -> RunExporter.Format.JSONL;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--format must be csv or jsonl, got '" + format + "'");
        };
        try (RunStore store = workspace.open()) {
            RunSummary r = store.run(run).orElse(null);
            if (r == null) {
                System.err.println("no run " + run + " in " + store.path() + "; `grposcope runs` lists them");
                return 2;
            }
            RunIds ids = new RunIds(run, branch == null ? r.rootBranchId() : branch);
            long steps;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                steps = new RunExporter(store).export(ids, f, w);
            }
            System.out.println("exported " + steps + " steps of run " + run + " (branch " + ids.branchId() + ") to "
                    + out);
        }
        return 0;
    }
}
