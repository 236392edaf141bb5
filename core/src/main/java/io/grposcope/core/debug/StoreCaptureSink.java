package io.grposcope.core.debug;

import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps captures in the run store's captured-batch table as JSON ({@link BatchCaptureJson}); the kind column is
 * {@value #KIND_PREFIX} plus "token" or "flow". Listing follows the current branch's lineage.
 */
public final class StoreCaptureSink implements CaptureSink {

    public static final String KIND_PREFIX = "debug-capture-v1:";

    private final RunStore store;
    private final Supplier<RunIds> ids;

    /** @param ids the run and branch captures belong to now (changes after a rollback) */
    public StoreCaptureSink(RunStore store, Supplier<RunIds> ids) {
        this.store = store;
        this.ids = ids;
    }

    @Override
    public long store(BatchCapture capture) {
        return store.addCapturedBatch(ids.get(), capture.step(), KIND_PREFIX + capture.kind(),
                BatchCaptureJson.write(capture), new byte[0]);
    }

    @Override
    public Optional<BatchCapture> load(long captureId) {
        return store.capturedBatch(captureId).filter(b -> b.kind().startsWith(KIND_PREFIX))
                .map(b -> BatchCaptureJson.read(b.json()));
    }

    @Override
    public List<Entry> list() {
        return store.capturedBatches(ids.get()).stream().filter(b -> b.kind().startsWith(KIND_PREFIX))
                .map(b -> new Entry(b.id(), b.step())).toList();
    }
}
