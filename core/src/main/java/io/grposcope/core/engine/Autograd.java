package io.grposcope.core.engine;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one way trainers open a {@link GradientCollector}. PyTorch's DJL engine allows only one collector per JVM
 * at a time (feasibility P6), while several runs (branches, replays) may train in one process; this lock makes
 * them take turns instead of throwing.
 */
public final class Autograd {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private Autograd() {
    }

    /** Runs {@code body} with a fresh collector held under the JVM-wide lock. */
    public static <T> T withCollector(Function<GradientCollector, T> body) {
        LOCK.lock();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            return body.apply(gc);
        } finally {
            LOCK.unlock();
        }
    }
}
