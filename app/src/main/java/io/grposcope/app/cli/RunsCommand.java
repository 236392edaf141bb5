package io.grposcope.app.cli;

import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.RunSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grposcope runs}: the runs in a workspace with their summaries. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs stored in a workspace.")
public final class RunsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Override
    public Integer call() {
        try (RunStore store = workspace.open()) {
            print(store.path(), store.runs(), System.out);
        }
        return 0;
    }

    static void print(Path db, List<RunSummary> runs, PrintStream out) {
        out.println("workspace: " + db.toAbsolutePath() + " (" + runs.size() + " runs)");
        if (runs.isEmpty()) {
            return;
        }
        out.printf("%5s  %-24s %-14s %9s %12s %-9s %8s%n", "id", "name", "method", "last step", "last reward",
                "status", "branches");
        for (RunSummary r : runs) {
            out.printf("%5d  %-24s %-14s %9s %12s %-9s %8d%n", r.id(), clip(r.name(), 24), clip(r.method(), 14),
                    r.lastStep() < 0 ? "-" : String.valueOf(r.lastStep()),
                    Double.isNaN(r.lastReward()) ? "-" : String.format("%.4f", r.lastReward()), r.status(),
                    r.branchCount());
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
