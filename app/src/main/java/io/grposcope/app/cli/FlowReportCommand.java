package io.grposcope.app.cli;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.flow.report.FlowComparison;
import io.grposcope.core.engine.flow.report.FlowReport;
import io.grposcope.core.metrics.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grposcope flow-report}: Flow-GRPO, GRPO-Guard and TempFlow-GRPO at equal seed and budget, as markdown + PNGs. */
@Command(name = "flow-report", mixinStandardHelpOptions = true,
        description = "Runs vanilla Flow-GRPO, GRPO-Guard and TempFlow-GRPO with the same seed and budget on the"
                + " built-in 2-D flow task and writes report.md plus PNG plots into --out.")
public final class FlowReportCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "folder for report.md and the PNGs (created)")
    Path out;

    @Option(names = "--steps", defaultValue = "60", description = "GRPO steps per method (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--pretrain-steps", defaultValue = "1500",
            description = "flow-matching pretraining steps per run (default ${DEFAULT-VALUE})")
    int pretrainSteps;

    @Option(names = "--seed", defaultValue = "7", description = "seed shared by all three runs (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || pretrainSteps < 0) {
            System.err.println("flow-report: --steps must be ≥ 1 and --pretrain-steps ≥ 0");
            return 2;
        }
        RunConfig base = FlowComparison.baseConfig(steps, pretrainSteps, seed);
        Path work = Files.createTempDirectory("grposcope-flow-report");
        Map<String, List<StepRecord>> runs = FlowComparison.run(base, FlowReport.methods(), work, line -> {
            if (line.contains(" step " + steps + " ") || line.matches(".* step \\d*0 .*")) {
                System.out.println(line);
            }
        });
        new FlowReport(base, runs).write(out);
        try (var left = Files.list(work)) {
            if (left.findAny().isEmpty()) {
                Files.delete(work);
            }
        }
        System.out.println("flow report written to " + out.resolve("report.md"));
        return 0;
    }
}
