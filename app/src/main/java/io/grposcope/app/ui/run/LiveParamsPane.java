package io.grposcope.app.ui.run;

import io.grposcope.core.control.LiveParam;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * Live hyperparameters: type a value and press Enter (or Apply); the run takes it at the next step boundary
 * and records a PARAM_CHANGE event, which shows as a marker on every chart.
 */
final class LiveParamsPane extends GridPane {

    private final RunViewModel vm;
    private final java.util.Map<LiveParam, TextField> fields = new java.util.EnumMap<>(LiveParam.class);
    private final java.util.Map<LiveParam, String> shown = new java.util.EnumMap<>(LiveParam.class);

    LiveParamsPane(RunViewModel vm) {
        this.vm = vm;
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(6));
        Label head = new Label("Live parameters");
        head.getStyleClass().add("title-4");
        add(head, 0, 0, 3, 1);
        int row = 1;
        for (LiveParam p : LiveParam.values()) {
            TextField field = new TextField(format(vm.param(p)));
            fields.put(p, field);
            shown.put(p, field.getText());
            field.setId("param-" + p.key());
            field.setPrefColumnCount(6);
            field.setTooltip(new Tooltip("Applied at the next step; Enter to apply"));
            Button apply = new Button("Apply");
            apply.setId("apply-" + p.key());
            Runnable act = () -> {
                String err = vm.setParam(p, field.getText());
                field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), err != null);
            };
            apply.setOnAction(e -> act.run());
            field.setOnAction(e -> act.run());
            apply.setDisable(!vm.isLive());
            field.setDisable(!vm.isLive());
            add(new Label(p.key()), 0, row);
            add(field, 1, row);
            add(apply, 2, row);
            row++;
        }
    }

    /**
     * Shows values the run took by other ways (a rollback restoring or changing them); a field the person is
     * editing (focused, or changed since it was last shown) is left alone. FX thread, called after steps arrive.
     */
    void refresh() {
        if (!vm.isLive()) {
            return;
        }
        for (java.util.Map.Entry<LiveParam, TextField> e : fields.entrySet()) {
            TextField f = e.getValue();
            String now = format(vm.param(e.getKey()));
            if (!f.isFocused() && f.getText().equals(shown.get(e.getKey())) && !now.equals(f.getText())) {
                f.setText(now);
            }
            if (!f.isFocused() && f.getText().equals(now)) {
                shown.put(e.getKey(), now);
            }
        }
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }
}
