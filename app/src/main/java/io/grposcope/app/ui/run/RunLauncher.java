package io.grposcope.app.ui.run;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates runs the app trains: a store entry, the trainer for the config's task kind, and the store writer. */
public final class RunLauncher {
    private final RunStore store;
    private final Path runsDir;

    public RunLauncher(RunStore store, Path runsDir) {
        this.store = store;
        this.runsDir = runsDir;
    }

    public RunStore store() {
        return store;
    }

    /** A new, not yet started run whose every step and event goes to the store. */
    public LiveRun create(RunConfig config) {
        RunIds ids = store.createRun(config, config.name());
        Path dir = runsDir.resolve("run-" + ids.runId());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir, e);
        }
        TrainingRun run = TrainingRuns.createRun(config, dir);
        StoreWriter writer = store.writer(ids);
        run.addListener(writer);
        return new LiveRun(run, ids, writer, store);
    }
}
