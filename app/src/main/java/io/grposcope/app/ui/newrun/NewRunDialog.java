package io.grposcope.app.ui.newrun;

import io.grposcope.app.plugins.UserPlugins;
import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.flow.FlowMethodProvider;
import io.grposcope.core.config.ConfigValidator;
import io.grposcope.core.config.ConfigYaml;
import io.grposcope.core.config.RunConfig;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New-run dialog: task, model size, method plugin (from the {@link MethodRegistry}, only the family that fits the
 * task: flow methods for the flow task, token methods otherwise), with its declared parameters and their
 * descriptions, rollout and optimizer. The result is a {@link RunConfig}; "Save config…" writes the same config
 * as a YAML file that {@code train --config} reads back to an equal config.
 */
public final class NewRunDialog extends Dialog<RunConfig> {
    static final ButtonType CREATE = new ButtonType("Create run", ButtonBar.ButtonData.OK_DONE);
    private static final String TOKEN_DEFAULT = RunConfig.defaults().method().id();
    private static final String FLOW_DEFAULT = "flow_grpo";

    private final MethodRegistry registry;
    private final RunConfigForm form = new RunConfigForm(RunConfig.defaults());
    private final ComboBox<String> method = new ComboBox<>();
    private final GridPane methodParams = new GridPane();
    private final Map<String, ParamEditor> editors = new LinkedHashMap<>();
    private final Label methodInfo = new Label();
    private final Label error = new Label();

    public NewRunDialog(Window owner) {
        this(owner, UserPlugins.current().registry());
    }

    NewRunDialog(Window owner, MethodRegistry registry) {
        this.registry = registry;
        setTitle("New run");
        if (owner != null) {
            initOwner(owner);
        }
        method.setId("method");
        methodInfo.setId("methodInfo");
        error.setId("newRunError");
        methodParams.setId("methodParams");
        method.valueProperty().addListener((o, a, b) -> showMethod(b));
        methodParams.setHgap(6);
        methodParams.setVgap(4);
        methodInfo.setWrapText(true);
        methodInfo.setMaxWidth(660);
        error.setWrapText(true);
        error.setMaxWidth(660);
        offerMethodsFor(form.taskBox().getValue());
        form.taskBox().valueProperty().addListener((o, a, b) -> offerMethodsFor(b));
        Button save = new Button("Save config…");
        save.setId("saveConfig");
        save.setOnAction(e -> chooseAndSave());
        // long parameter lists (MixGRPO has 12) scroll instead of pushing Create off a small screen
        ScrollPane params = new ScrollPane(methodParams);
        params.setFitToWidth(true);
        params.setMaxHeight(280);
        params.setPrefViewportWidth(660);
        params.setId("methodParamsScroll");
        VBox content = new VBox(8, form, new Label("Method plugin"), method, methodInfo, params, save, error);
        content.setPadding(new Insets(12));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(CREATE, ButtonType.CANCEL);
        getDialogPane().lookupButton(CREATE).setId("createRun");
        getDialogPane().lookupButton(CREATE).addEventFilter(ActionEvent.ACTION, e -> {
            if (build() == null) {
                e.consume();
            }
        });
        setResultConverter(bt -> bt == CREATE ? build() : null);
    }

    /**
     * Lists the methods of the task's family: a token method on the flow task (or a flow method on a token task)
     * would train with hooks that mean nothing there. The chosen method stays if it fits, else the family default.
     */
    private void offerMethodsFor(String task) {
        boolean flow = RunConfigForm.FLOW_TASK.equals(task);
        String current = method.getValue();
        method.getItems().setAll(registry.available().stream().filter(p -> isFlow(p) == flow)
                .map(MethodProvider::id).toList());
        String fallback = flow ? FLOW_DEFAULT : TOKEN_DEFAULT;
        if (!method.getItems().contains(fallback) && !method.getItems().isEmpty()) {
            fallback = method.getItems().get(0);
        }
        method.setValue(method.getItems().contains(current) ? current : fallback);
    }

    private static boolean isFlow(MethodProvider p) {
        return p instanceof FlowMethodProvider;
    }

    private void showMethod(String id) {
        methodParams.getChildren().clear();
        editors.clear();
        MethodProvider p = id == null ? null : registry.find(id).orElse(null);
        if (p == null) {
            methodInfo.setText("");
            return;
        }
        methodInfo.setText(p.displayName() + ": " + p.description() + "\n" + p.paperReference());
        int row = 0;
        for (ParamSpec s : p.params()) {
            ParamEditor editor = new ParamEditor(s);
            editors.put(s.name(), editor);
            editor.control().setTooltip(new Tooltip(s.description()));
            // names and fields keep their width; the long description wraps instead of squeezing them
            Label name = new Label(s.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            editor.control().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (editor.control() instanceof javafx.scene.control.TextField t) {
                t.setPrefColumnCount(8);
            }
            Label d = new Label(s.description());
            d.getStyleClass().add("text-muted");
            d.setWrapText(true);
            d.setMaxWidth(360);
            methodParams.addRow(row++, name, editor.control(), d);
        }
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** The config from the form, or null with the reason shown. */
    RunConfig build() {
        try {
            MethodProvider p = registry.find(method.getValue())
                    .orElseThrow(() -> new IllegalArgumentException("choose a method plugin"));
            Map<String, Object> typed = new LinkedHashMap<>();
            editors.forEach((name, editor) -> typed.put(name, editor.value()));
            MethodRegistry.validate(p, typed);
            RunConfig c = form.build(new RunConfig.MethodConfig(p.id(), typed));
            checkLikeTheLoader(c);
            say("", false);
            return c;
        } catch (RuntimeException e) {
            say(e.getMessage(), true);
            return null;
        }
    }

    /**
     * The loader's own range checks (a group needs G ≥ 2 for a spread, …), so Create never starts, and Save never
     * writes, a config that {@code train --config} would refuse.
     */
    private void checkLikeTheLoader(RunConfig c) {
        java.util.List<String[]> problems = ConfigValidator.validate(c, java.util.Set.of());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(e -> e[0] + ": " + e[1])
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    private void chooseAndSave() {
        RunConfig c = build();
        if (c == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(c.name() + ".yaml");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Run config (YAML)", "*.yaml", "*.yml"));
        File f = fc.showSaveDialog(getDialogPane().getScene().getWindow());
        if (f != null) {
            save(f.toPath());
        }
    }

    /** Writes the form's config as YAML to {@code file}; false (reason shown) if the form is invalid or it failed. */
    boolean save(Path file) {
        RunConfig c = build();
        if (c == null) {
            return false;
        }
        try {
            ConfigYaml.save(c, file);
            say("Saved " + file, false);
            return true;
        } catch (UncheckedIOException e) {
            say(e.getMessage(), true);
            return false;
        }
    }

    /** A problem in the theme's danger colour, a confirmation in the normal text colour. */
    private void say(String text, boolean problem) {
        error.setText(text);
        error.getStyleClass().remove("danger");
        if (problem) {
            error.getStyleClass().add("danger");
        }
    }
}
