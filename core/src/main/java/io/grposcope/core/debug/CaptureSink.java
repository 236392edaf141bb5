package io.grposcope.core.debug;

import java.util.List;
import java.util.Optional;

/** Where captured batches are kept (the run store, or a folder), and read back by the inspector. */
public interface CaptureSink {

    /** Stores the capture and returns its id. */
    long store(BatchCapture capture);

    Optional<BatchCapture> load(long captureId);

    /** Ids and steps of the stored captures, in step order. */
    List<Entry> list();

    record Entry(long id, long step) {
    }
}
