package io.grposcope.app.ui.run;

import io.grposcope.core.control.RunState;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;

/** A training run wired to the store: the run, its ids, and the writer listening to it. */
public record LiveRun(TrainingRun run, RunIds ids, StoreWriter writer, RunStore store) implements AutoCloseable {

    /** Stops the run if it still trains, waits briefly for it, flushes the writer and records the final status. */
    @Override
    public void close() {
        RunState s = run.state();
        if (s == RunState.RUNNING || s == RunState.PAUSED) {
            run.stop();
        }
        try {
            if (s != RunState.NEW) {
                Thread t = new Thread(() -> {
                    try {
                        run.awaitTermination();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.setDaemon(true);
                t.start();
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run.close();
        writer.close();
        try {
            store.setStatus(ids.runId(), run.state().name());
        } catch (io.grposcope.core.store.StoreException e) {
            // the workspace was closed first (app shutdown, or a test's store): the status is all that is lost
            System.getLogger(LiveRun.class.getName()).log(System.Logger.Level.WARNING,
                    "run " + ids.runId() + " status not saved: " + e.getMessage());
        }
    }
}
