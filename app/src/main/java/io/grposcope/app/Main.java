package io.grposcope.app;

import io.grposcope.app.cli.GrpoScopeCommand;
import picocli.CommandLine;

/**
 * Entry point for both faces of GRPO Scope: no arguments (or "gui") opens the desktop app, anything else is the
 * command line ({@code train}, {@code runs}, {@code export}, ...). A plain class, not an {@code Application},
 * so JavaFX starts from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Startup.prepare(args);
        if (args.length == 0 || (args.length == 1 && args[0].equals("gui"))) {
            io.grposcope.app.ui.DesktopLauncher.launch(new String[0]);
            return;
        }
        System.exit(GrpoScopeCommand.commandLine().execute(args));
    }
}
