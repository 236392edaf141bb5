package io.grposcope.app.ui.newrun;

import io.grposcope.app.plugins.UserPlugins;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.config.ConfigJson;
import io.grposcope.core.config.RunConfig;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New-run dialog: task, model size, method plugin (from the {@link MethodRegistry}, with its declared
 * parameters and their descriptions), rollout and optimizer. The result is a {@link RunConfig}; "Save config…"
 * writes the same config as a JSON file that {@code train --config} and the store's loader read.
 */
public final class NewRunDialog extends Dialog<RunConfig> {
    private final MethodRegistry registry = UserPlugins.current().registry();
    private final RunConfigForm form = new RunConfigForm(RunConfig.defaults());
    private final ComboBox<String> method = new ComboBox<>();
    private final GridPane methodParams = new GridPane();
    private final Map<String, TextField> paramFields = new LinkedHashMap<>();
    private final Label methodInfo = new Label();
    private final Label error = new Label();

    public NewRunDialog(Window owner) {
        setTitle("New run");
        if (owner != null) {
            initOwner(owner);
        }
        registry.available().forEach(p -> method.getItems().add(p.id()));
        method.setValue(RunConfig.defaults().method().id());
        method.valueProperty().addListener((o, a, b) -> showMethod(b));
        methodParams.setHgap(6);
        methodParams.setVgap(4);
        methodInfo.setWrapText(true);
        methodInfo.setMaxWidth(520);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        showMethod(method.getValue());
        form.taskBox().valueProperty().addListener((o, a, b) -> {
            boolean flowTask = RunConfigForm.FLOW_TASK.equals(b);
            boolean flowMethod = registry.find(method.getValue())
                    .map(m -> m instanceof io.grposcope.core.algo.spi.flow.FlowMethodProvider).orElse(false);
            if (flowTask != flowMethod) {
                method.setValue(flowTask ? "flow_grpo" : RunConfig.defaults().method().id());
            }
        });
        Button save = new Button("Save config…");
        save.setOnAction(e -> saveConfig());
        VBox content = new VBox(8, form, new Label("Method plugin"), method, methodInfo, methodParams, save, error);
        getDialogPane().setContent(content);
        ButtonType create = new ButtonType("Create run", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().lookupButton(create).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (build() == null) {
                e.consume();
            }
        });
        setResultConverter(bt -> bt == create ? build() : null);
    }

    private void showMethod(String id) {
        methodParams.getChildren().clear();
        paramFields.clear();
        MethodProvider p = registry.find(id).orElse(null);
        if (p == null) {
            methodInfo.setText("");
            return;
        }
        methodInfo.setText(p.displayName() + ": " + p.description() + "\n" + p.paperReference());
        int row = 0;
        for (ParamSpec s : p.params()) {
            TextField f = new TextField(String.valueOf(s.defaultValue()));
            f.setTooltip(new Tooltip(s.description()));
            paramFields.put(s.name(), f);
            // names and fields keep their width; the long description wraps instead of squeezing them
            Label name = new Label(s.name());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            f.setMinWidth(90);
            f.setPrefColumnCount(8);
            Label d = new Label(s.description());
            d.getStyleClass().add("text-muted");
            d.setWrapText(true);
            d.setMaxWidth(360);
            methodParams.addRow(row++, name, f, d);
        }
    }

    /** The config from the form, or null with the reason shown. */
    RunConfig build() {
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            paramFields.forEach((k, f) -> params.put(k, f.getText().strip()));
            MethodProvider p = registry.find(method.getValue())
                    .orElseThrow(() -> new IllegalArgumentException("unknown method " + method.getValue()));
            Map<String, Object> typed = new LinkedHashMap<>();
            for (ParamSpec s : p.params()) {
                typed.put(s.name(), s.coerce(params.get(s.name())));
            }
            MethodRegistry.validate(p, typed);
            RunConfig c = form.build(new RunConfig.MethodConfig(p.id(), typed));
            error.setText("");
            return c;
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
            return null;
        }
    }

    private void saveConfig() {
        RunConfig c = build();
        if (c == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(c.name() + ".json");
        java.io.File f = fc.showSaveDialog(getDialogPane().getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), ConfigJson.toJson(c));
            error.setText("Saved " + f);
        } catch (IOException e) {
            error.setText("Could not write " + f + ": " + e.getMessage());
        }
    }
}
