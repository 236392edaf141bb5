package io.grposcope.app.ui.inspector;

import io.grposcope.app.ui.chart.EventLog;
import io.grposcope.core.metrics.RunEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The debugger's events of a live run (spikes, non-finite values, breakpoint hits, captures, checkpoints,
 * rollbacks), newest first and sortable by column. Selecting a row selects its step on the charts; double
 * click, Enter or "Inspect" opens the spike inspector for the events that name a captured step. FX thread only.
 */
public final class DebugEventList extends VBox {

    private final ObservableList<RunEvent> events = FXCollections.observableArrayList();
    private final TableView<RunEvent> table = new TableView<>();
    private final Button inspect = new Button("Inspect");
    private final Consumer<RunEvent> onInspect;
    private LongConsumer onSelectStep = s -> { };

    public DebugEventList(Consumer<RunEvent> onInspect) {
        super(4);
        this.onInspect = onInspect;
        setId("debug-events");
        setPadding(new Insets(4));
        SortedList<RunEvent> sorted = new SortedList<>(events);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("debug-event-table");
        table.setPlaceholder(new Label("No debugger events yet: spikes, breakpoint hits and checkpoints show here."));
        table.setPrefHeight(150);
        table.getStyleClass().add("dense"); // AtlantaFX compact rows (its Styles class needs Java 21)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(stepColumn(), kindColumn(), messageColumn()));
        table.setRowFactory(t -> row());
        table.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER) {
                openSelected();
                k.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> onSelected(e));
        VBox.setVgrow(table, Priority.ALWAYS);
        inspect.setId("debug-event-inspect");
        inspect.setDisable(true);
        inspect.setOnAction(a -> openSelected());
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("A row shows its step on the charts; double click or Enter inspects it.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox bar = new HBox(8, inspect, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, bar);
    }

    /** What a selected row does besides enabling Inspect: e.g. select the step on the charts' shared axis. */
    public void setOnSelectStep(LongConsumer onSelectStep) {
        this.onSelectStep = onSelectStep;
    }

    /** Selecting a row selects its step on {@code axis}, scrolling the charts there when it is out of view. */
    public void selectStepsOn(io.grposcope.app.ui.chart.XAxisLink axis) {
        setOnSelectStep(step -> {
            if (step < axis.start() || step > axis.end()) {
                double half = (axis.end() - axis.start()) / 2;
                axis.setRange(step - half, step + half);
            }
            axis.select(step);
        });
    }

    public void add(RunEvent e) {
        events.add(0, e);
    }

    /** The events in the order they arrived, newest first (the table may show them sorted otherwise). */
    public List<RunEvent> events() {
        return List.copyOf(events);
    }

    public TableView<RunEvent> table() {
        return table;
    }

    /** "Debugger events (n)", for the pane that holds the list. */
    public StringExpression title() {
        return Bindings.concat("Debugger events (", Bindings.size(events), ")");
    }

    private void onSelected(RunEvent e) {
        inspect.setDisable(e == null || !EventLog.inspectable(e));
        if (e != null) {
            onSelectStep.accept(e.step());
        }
    }

    private void openSelected() {
        RunEvent e = table.getSelectionModel().getSelectedItem();
        if (e != null && EventLog.inspectable(e)) {
            onInspect.accept(e);
        }
    }

    private TableRow<RunEvent> row() {
        TableRow<RunEvent> r = new TableRow<>();
        r.setOnMouseClicked(m -> {
            if (m.getButton() == MouseButton.PRIMARY && m.getClickCount() == 2 && !r.isEmpty()) {
                openSelected();
            }
        });
        return r;
    }

    private static TableColumn<RunEvent, Long> stepColumn() {
        TableColumn<RunEvent, Long> c = new TableColumn<>("Step");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().step()));
        c.setMinWidth(60);
        c.setMaxWidth(90);
        return c;
    }

    private static TableColumn<RunEvent, String> kindColumn() {
        TableColumn<RunEvent, String> c = new TableColumn<>("Kind");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().type().name()));
        c.setMinWidth(90);
        c.setMaxWidth(120);
        return c;
    }

    private static TableColumn<RunEvent, String> messageColumn() {
        TableColumn<RunEvent, String> c = new TableColumn<>("Message");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().message()));
        c.setSortable(false);
        return c;
    }
}
