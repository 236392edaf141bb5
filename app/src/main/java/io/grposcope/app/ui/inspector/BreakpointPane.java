package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.BreakpointMonitor;
import io.grposcope.core.debug.ConditionSyntaxException;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * Breakpoints of a live run: on spike, on non-finite, or a condition typed over metric names (e.g.
 * {@code clip/frac_region > 0.3 && entropy/token_mean < 0.2}); each with pause + capture, capture only, or log.
 * A condition that does not parse shows the column and what was expected, with a caret under the text.
 */
public final class BreakpointPane extends VBox {

    private final BreakpointMonitor monitor;
    private final TextField condition = new TextField();
    private final ComboBox<Breakpoint.Action> action = new ComboBox<>();
    private final Label error = new Label();
    private final ListView<Breakpoint> list = new ListView<>();
    private int counter;

    public BreakpointPane(BreakpointMonitor monitor) {
        this(monitor, true);
    }

    /** @param withWatches also show which series the spike detector watches (and let the person add some) */
    public BreakpointPane(BreakpointMonitor monitor, boolean withWatches) {
        super(6);
        this.monitor = monitor;
        setId("breakpoints");
        setPadding(new Insets(6));
        condition.setId("bp-condition");
        condition.setPromptText("clip/frac_region > 0.3 && entropy/token_mean < 0.2");
        condition.setOnAction(e -> addCondition());
        HBox.setHgrow(condition, Priority.ALWAYS);
        action.setId("bp-action");
        action.getItems().setAll(Breakpoint.Action.values());
        action.setValue(Breakpoint.Action.PAUSE_AND_CAPTURE);
        Button add = new Button("Add");
        add.setId("bp-add");
        add.setOnAction(e -> addCondition());
        Button onSpike = new Button("On spike");
        onSpike.setOnAction(e -> add(Breakpoint.onSpike(action.getValue())));
        Button onNonFinite = new Button("On non-finite");
        onNonFinite.setOnAction(e -> add(Breakpoint.onNonFinite(action.getValue())));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> removeSelected());
        error.setId("bp-error");
        error.setFont(Font.font("monospace", 11));
        error.setWrapText(false);
        list.setId("bp-list");
        list.setPrefHeight(90);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.describe() + " → " + b.action().name().toLowerCase());
            }
        });
        list.getItems().setAll(monitor.breakpoints());
        getChildren().addAll(new Label("Breakpoints"), new HBox(6, condition, action, add), error,
                new HBox(6, onSpike, onNonFinite, remove), list);
        if (withWatches) {
            getChildren().add(new WatchPane(monitor.spikes()));
        }
    }

    private void addCondition() {
        String text = condition.getText();
        try {
            add(Breakpoint.when("bp" + (++counter), text, action.getValue()));
            condition.clear();
            error.setText("");
        } catch (ConditionSyntaxException e) {
            error.setText(e.getMessage());
        }
    }

    private void add(Breakpoint b) {
        monitor.add(b);
        list.getItems().setAll(monitor.breakpoints());
    }

    private void removeSelected() {
        Breakpoint b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            monitor.remove(b.id());
            list.getItems().setAll(monitor.breakpoints());
        }
    }
}
