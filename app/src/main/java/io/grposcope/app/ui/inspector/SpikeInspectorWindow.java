package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Map;

/** Opens the spike inspector for one captured step in its own window. FX thread only. */
public final class SpikeInspectorWindow {

    private SpikeInspectorWindow() {
    }

    /** @param owner the main window (its stylesheets are reused), or null */
    public static Stage open(Window owner, BatchCapture batch, Map<String, Double> layerMedians,
                             InspectorActions actions) {
        SpikeInspectorView view = new SpikeInspectorView(new InspectorModel(batch, layerMedians), actions);
        Stage stage = new Stage();
        stage.setTitle("Spike inspector — step " + batch.step());
        // flow batches add the per-timestep bars and the trajectory beside each other
        Scene scene = new Scene(view, BatchCapture.KIND_FLOW.equals(batch.kind()) ? 1280 : 1100, 720);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
