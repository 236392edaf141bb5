package io.grposcope.app.ui.inspector;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The batch's samples ranked by attribution; selecting a row shows its tokens and its group. */
final class SampleRankTable extends TableView<InspectorModel.Row> {

    SampleRankTable(InspectorModel model) {
        super(model.rows());
        setId("ranked-samples");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(col("#", r -> Integer.toString(r.rank())));
        getColumns().add(col("sample", r -> Integer.toString(r.sample().index())));
        getColumns().add(col("group", r -> Integer.toString(r.sample().groupId())));
        getColumns().add(col("reward", r -> fmt(r.sample().reward())));
        getColumns().add(col("advantage", r -> fmt(r.sample().advantage())));
        getColumns().add(col("grad norm", r -> fmt(r.gradNorm())));
        getColumns().add(col("share", r -> Double.isNaN(r.share()) ? "…" : String.format("%.1f %%", 100 * r.share())));
        getColumns().add(col("completion", r -> r.sample().completion()));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b.sample());
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<InspectorModel.Row>) c -> {
            if (!model.rows().isEmpty()) {
                getSelectionModel().selectFirst();
            }
        });
        if (!model.rows().isEmpty()) {
            getSelectionModel().selectFirst();
        }
    }

    private static TableColumn<InspectorModel.Row, String> col(String name, Function<InspectorModel.Row, String> f) {
        TableColumn<InspectorModel.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        c.setMinWidth(name.length() <= 1 ? 30 : 62);
        return c;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "…" : String.format("%.4g", v);
    }
}
