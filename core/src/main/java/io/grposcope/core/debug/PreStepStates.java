package io.grposcope.core.debug;

import io.grposcope.core.engine.Checkpointable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Keeps the state each step started from, so a captured step can be replayed from exactly those weights: after
 * every step the trainer's state is written into one of two rotating folders (the newer is the next step's
 * start), and a capture copies its step's start aside. Costs one state write per step; engine thread only.
 */
public final class PreStepStates {

    private final Checkpointable trainer;
    private final Path dir;
    private final long[] slotStep = {-1, -1};
    private volatile boolean enabled = true;

    public PreStepStates(Checkpointable trainer, Path dir) {
        this.trainer = trainer;
        this.dir = dir;
    }

    /**
     * Records the state after {@code step}, which is where step + 1 starts. Also call it right after a rollback
     * restored the state after {@code step}, so the ring never mixes branches.
     */
    public void afterStep(long step) {
        if (!enabled) {
            slotStep[0] = -1;
            slotStep[1] = -1;
            return;
        }
        try {
            slotStep[(int) (step % 2)] = -1;
            trainer.saveState(slot(step));
            slotStep[(int) (step % 2)] = step;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the state after step " + step + " in " + slot(step), e);
        }
    }

    private Path slot(long step) {
        return dir.resolve(step % 2 == 0 ? "ring-even" : "ring-odd");
    }

    /** Turns the per-step state write on or off (off: replays use the current weights). */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /** Copies the state {@code step} started from out of the ring, if the ring still holds it. */
    void keepStartOf(long step) {
        if (step < 1 || slotStep[(int) (step % 2)] != step || slotStep[(int) ((step - 1) % 2)] != step - 1) {
            return;
        }
        Path from = slot(step - 1);
        if (!Files.isDirectory(from)) {
            return;
        }
        Path to = kept(step);
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the starting state of step " + step + " in " + to, e);
        }
    }

    boolean hasStartOf(long step) {
        return Files.isDirectory(kept(step));
    }

    private Path kept(long step) {
        return dir.resolve("start-of-" + step);
    }

    /** Runs {@code body} with the trainer put back to the start of {@code step}, then restores the present. */
    <T> T withStartOf(long step, Callable<T> body) {
        Path now = dir.resolve("present");
        try {
            trainer.saveState(now);
            trainer.loadState(kept(step));
            try {
                return body.call();
            } finally {
                trainer.loadState(now);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replay from the start of step " + step + " failed: " + e.getMessage(), e);
        }
    }
}
