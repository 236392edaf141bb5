package io.grposcope.core.debug;

import io.grposcope.core.engine.Checkpointable;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the trainer's whole state (model, optimizer, RNG, sampler, step, live parameters) every N steps into
 * {@code <root>/branch-<id>/step-<n>} and lists what is on disk. As a step listener it runs on the engine thread
 * right after a step, which is exactly when {@link Checkpointable#saveState} may be called.
 */
public final class CheckpointManager implements StepListener {

    private static final Pattern DIR = Pattern.compile("step-(\\d+)");

    private final Path root;
    private final Checkpointable trainer;
    private final Consumer<RunEvent> events;
    private volatile int every;
    private volatile long branchId;
    private volatile Consumer<CheckpointInfo> onWritten = c -> { };

    /** @param every write after steps that are multiples of this; 0 turns periodic checkpoints off */
    public CheckpointManager(Path root, Checkpointable trainer, int every, Consumer<RunEvent> events) {
        if (every < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 steps, got " + every);
        }
        this.root = root;
        this.trainer = trainer;
        this.every = every;
        this.events = events;
    }

    /** Also tell someone (the run store's checkpoint table) about each checkpoint written. */
    public void onWritten(Consumer<CheckpointInfo> callback) {
        this.onWritten = callback;
    }

    public void setEvery(int n) {
        every = n;
    }

    /** The branch whose folder new checkpoints go into (set by the rollback that opened it). */
    public void setBranch(long id) {
        branchId = id;
    }

    public long branch() {
        return branchId;
    }

    @Override
    public void onStep(StepRecord record) {
        int n = every;
        if (n > 0 && record.step() % n == 0) {
            save(record.step());
        }
    }

    /** Writes a checkpoint now; engine thread only (a step listener, or a task given to the engine). */
    public CheckpointInfo save(long step) {
        CheckpointInfo info = new CheckpointInfo(step, branchId, dirFor(branchId, step));
        try {
            trainer.saveState(info.dir());
        } catch (IOException e) {
            events.accept(RunEvent.of(step, EventType.ERROR, "checkpoint at step " + step + " to " + info.dir()
                    + " failed: " + e.getMessage()));
            throw new UncheckedIOException("checkpoint at step " + step + " to " + info.dir() + " failed", e);
        }
        events.accept(new RunEvent(step, System.currentTimeMillis(), EventType.CHECKPOINT, "checkpoint " + info.dir(),
                Map.of("path", info.dir().toString(), "step", Long.toString(step), "branch", Long.toString(branchId))));
        onWritten.accept(info);
        return info;
    }

    public Path dirFor(long branch, long step) {
        return root.resolve("branch-" + branch).resolve("step-" + step);
    }

    /** Every checkpoint of every branch on disk, by branch then step. */
    public List<CheckpointInfo> list() {
        List<CheckpointInfo> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> branches = Files.list(root)) {
            for (Path b : branches.filter(Files::isDirectory).toList()) {
                String name = b.getFileName().toString();
                if (name.startsWith("branch-")) {
                    listBranch(Long.parseLong(name.substring(7)), b, out);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not list checkpoints under " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(CheckpointInfo::branchId).thenComparingLong(CheckpointInfo::step));
        return out;
    }

    private static void listBranch(long branch, Path dir, List<CheckpointInfo> out) throws IOException {
        try (Stream<Path> steps = Files.list(dir)) {
            for (Path p : steps.filter(Files::isDirectory).toList()) {
                Matcher m = DIR.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new CheckpointInfo(Long.parseLong(m.group(1)), branch, p));
                }
            }
        }
    }

    /**
     * The newest checkpoint at or before {@code step} on the lineage {@code branches} (the current branch and its
     * ancestors, each with the last step it owns before its child forked).
     */
    public Optional<CheckpointInfo> latestAtOrBefore(long step, List<LineageStep> lineage) {
        return list().stream()
                .filter(c -> c.step() <= step)
                .filter(c -> lineage.stream().anyMatch(l -> l.branchId() == c.branchId() && c.step() <= l.lastStep()))
                .max(Comparator.comparingLong(CheckpointInfo::step));
    }

    /** One branch of a lineage and the last step of it that belongs to the lineage. */
    public record LineageStep(long branchId, long lastStep) {
    }
}
