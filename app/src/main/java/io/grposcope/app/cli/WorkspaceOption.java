package io.grposcope.app.cli;

import io.grposcope.core.store.RunStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workspace} option shared by the commands that read or write the run store (a picocli mixin). */
final class WorkspaceOption {

    @Option(names = "--workspace", description = "Workspace database (default: $GRPOSCOPE_HOME/workspace.db or"
            + " ~/.local/share/grposcope/workspace.db).")
    Path workspace;

    RunStore open() {
        return RunStore.open(workspace == null ? RunStore.defaultPath() : workspace);
    }
}
