package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The selected sample's group: the prompt, and each member's completion, reward and advantage. */
final class GroupView extends VBox {

    private final InspectorModel model;
    private final Label prompt = new Label();
    private final TableView<CapturedSample> table = new TableView<>();

    GroupView(InspectorModel model) {
        super(4);
        this.model = model;
        setId("group-view");
        prompt.setWrapText(true);
        table.setId("group-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("sample", s -> Integer.toString(s.index())));
        table.getColumns().add(col("reward", s -> SampleRankTable.fmt(s.reward())));
        table.getColumns().add(col("advantage", s -> SampleRankTable.fmt(s.advantage())));
        table.getColumns().add(col("completion", CapturedSample::completion));
        table.setPrefHeight(140);
        getChildren().addAll(new Label("Group"), prompt, table);
        model.selectedProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        CapturedSample s = model.selectedProperty().get();
        if (s == null) {
            table.getItems().clear();
            prompt.setText("");
            return;
        }
        prompt.setText("group " + s.groupId() + ": " + s.prompt());
        table.getItems().setAll(model.batch().group(s.groupId()));
        table.getSelectionModel().select(s);
    }

    private static TableColumn<CapturedSample, String> col(String name, Function<CapturedSample, String> f) {
        TableColumn<CapturedSample, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
