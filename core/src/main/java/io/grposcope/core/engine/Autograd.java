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

    /**
     * Runs {@code body} with a fresh collector held under the JVM-wide lock; afterwards gradient recording is off
     * on this thread (the collector only restores the previous mode, which is "on" for a new thread).
     */
    public static <T> T withCollector(Function<GradientCollector, T> body) {
        LOCK.lock();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            return body.apply(gc);
        } finally {
            noGrad();
            LOCK.unlock();
        }
    }

    /**
     * Turns PyTorch's thread-local gradient recording off for the calling thread. New threads start with it on,
     * which makes parameter updates fail ("leaf Variable ... in-place") and builds graphs nobody uses.
     */
    public static void noGrad() {
        if (Engine.getInstance() instanceof ai.djl.pytorch.engine.PtEngine) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }
}
