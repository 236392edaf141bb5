package io.grposcope.app.ui.inspector;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.CaptureFixtures;
import io.grposcope.core.debug.StoreCaptureSink;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored run's spike events find the batches the run captured, by the id they name or by their step. */
class StoredRunInspectorTest {

    @TempDir
    Path dir;

    @Test
    void findsTheCaptureAnEventNamesOrTheOneAtItsStep() {
        try (RunStore store = RunStore.open(dir.resolve("ws.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "stored");
            StoreCaptureSink sink = new StoreCaptureSink(store, () -> ids);
            BatchCapture a = CaptureFixtures.smallBatch(7);
            long idA = sink.store(a);
            StoredRunInspector inspector = new StoredRunInspector(store, ids, () -> null);

            RunEvent named = new RunEvent(99, 0L, EventType.BREAKPOINT, "hit", Map.of("capture", Long.toString(idA)));
            assertThat(inspector.find(named)).contains(a);
            RunEvent atStep = RunEvent.of(a.step(), EventType.SPIKE, "grad/norm spike");
            assertThat(inspector.find(atStep)).contains(a);
            assertThat(inspector.find(RunEvent.of(a.step() + 1, EventType.SPIKE, "elsewhere"))).isEmpty();
            assertThat(ReadOnlyInspectorActions.INSTANCE.canReplay()).isFalse();
            assertThat(ReadOnlyInspectorActions.INSTANCE.attribute(a)).isCompletedExceptionally();
        }
    }
}
