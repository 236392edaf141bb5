package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.StoreCaptureSink;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import javafx.scene.control.Alert;
import javafx.stage.Window;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The spike inspector for a run opened from the store: the batches it captured while it trained, read from the
 * run store and shown read-only (ranked by |advantage|; replays and roll back need the trainer, which only a run
 * training in this window has). FX thread only.
 */
public final class StoredRunInspector {

    /** The kinds of stored events the debugger list shows. */
    public static final Set<EventType> LISTED = EnumSet.of(EventType.SPIKE, EventType.NON_FINITE,
            EventType.BREAKPOINT, EventType.CAPTURE, EventType.CHECKPOINT, EventType.ROLLBACK, EventType.SKIP);

    private final StoreCaptureSink captures;
    private final Supplier<Window> owner;

    public StoredRunInspector(RunStore store, RunIds ids, Supplier<Window> owner) {
        this.captures = new StoreCaptureSink(store, () -> ids);
        this.owner = owner;
    }

    /** Opens the inspector on the batch the event names (or the one captured at its step), or says why not. */
    public void open(RunEvent e) {
        Optional<BatchCapture> batch;
        try {
            batch = find(e);
        } catch (RuntimeException ex) {
            tell("Could not read the capture of step " + e.step() + ": " + ex.getMessage());
            return;
        }
        if (batch.isEmpty()) {
            tell("Step " + e.step() + " has no captured batch in this run's store.");
            return;
        }
        SpikeInspectorWindow.open(owner.get(), batch.get(), java.util.Map.of(), ReadOnlyInspectorActions.INSTANCE);
    }

    Optional<BatchCapture> find(RunEvent e) {
        String id = e.data().get("capture");
        if (id != null && Long.parseLong(id) >= 0) {
            return captures.load(Long.parseLong(id));
        }
        return captures.list().stream().filter(c -> c.step() == e.step()).findFirst()
                .flatMap(c -> captures.load(c.id()));
    }

    private static void tell(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(null);
        a.show();
    }
}
