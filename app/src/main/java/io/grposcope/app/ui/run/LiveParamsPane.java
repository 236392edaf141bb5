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

    LiveParamsPane(RunViewModel vm) {
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(6));
        Label head = new Label("Live parameters");
        head.getStyleClass().add("title-4");
        add(head, 0, 0, 3, 1);
        int row = 1;
        for (LiveParam p : LiveParam.values()) {
            TextField field = new TextField(format(vm.param(p)));
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

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }
}
