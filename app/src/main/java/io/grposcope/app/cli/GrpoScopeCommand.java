package io.grposcope.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code grposcope} command and its subcommands. */
@Command(name = "grposcope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "GRPO Scope: train GRPO-family methods and watch their training dynamics.")
public final class GrpoScopeCommand implements Runnable {

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GrpoScopeCommand());
        // subcommands are registered here, one line each
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new PluginsCommand());
        cl.addSubcommand(new RunsCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new ImportCommand());
        cl.addSubcommand(new StoreBenchCommand());
        cl.addSubcommand(new FlowReportCommand());
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
