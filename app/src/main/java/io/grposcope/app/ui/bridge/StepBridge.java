package io.grposcope.app.ui.bridge;

import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one crossing from the engine thread to the FX thread. The engine's {@link #onStep} only appends to a
 * lock-free queue and raises a dirty flag (never blocks, never touches JavaFX); the FX pulse calls
 * {@link #drainInto} once per frame, which applies everything that arrived since the last frame in one go.
 * No {@code Platform.runLater} per metric, so a burst of steps costs one frame, not one frame each.
 */
public final class StepBridge implements StepListener {
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();

    @Override
    public void onStep(StepRecord record) {
        pending.add(record);
        received.incrementAndGet();
        dirty.set(true);
    }

    @Override
    public void onEvent(RunEvent event) {
        pending.add(event);
        dirty.set(true);
    }

    /** Steps handed over by the engine so far (any thread). */
    public long received() {
        return received.get();
    }

    /** FX thread: applies what arrived since the last call; returns the number of items applied. */
    public int drainInto(RunData data) {
        if (!dirty.getAndSet(false)) {
            return 0;
        }
        int n = 0;
        for (Object o = pending.poll(); o != null; o = pending.poll()) {
            if (o instanceof StepRecord r) {
                data.apply(r);
            } else {
                data.apply((RunEvent) o);
            }
            n++;
        }
        return n;
    }
}
