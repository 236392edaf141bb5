package io.grposcope.app.ui.newrun;

import io.grposcope.core.config.RunConfig;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Map;

/** The general part of the new-run form: name, task, model size, rollout, optimizer, steps. */
final class RunConfigForm extends GridPane {
    /** Model size presets: d_model, heads, layers. */
    private static final Map<String, int[]> SIZES = new java.util.LinkedHashMap<>();

    static {
        SIZES.put("tiny (d=32, 1 layer)", new int[] {32, 2, 1});
        SIZES.put("small (d=64, 2 layers)", new int[] {64, 4, 2});
        SIZES.put("medium (d=128, 4 layers)", new int[] {128, 4, 4});
    }

    private final RunConfig tokenBase;
    private final RunConfig flowBase = flowDefaults();
    private RunConfig base;
    private final TextField name = new TextField();
    /** The built-in flow-matching task (2-D point modes); picking it makes the run a flow run. */
    static final String FLOW_TASK = "point_modes";
    private final ComboBox<String> task = new ComboBox<>();
    private final TextField difficulty = new TextField();
    private final ComboBox<String> size = new ComboBox<>();
    private final TextField prompts = new TextField();
    private final TextField group = new TextField();
    private final TextField temperature = new TextField();
    private final TextField maxTokens = new TextField();
    private final TextField lr = new TextField();
    private final TextField gradClip = new TextField();
    private final TextField warmSteps = new TextField();
    private final TextField steps = new TextField();
    private final Label warmLabel = new Label();
    /** Settings the form does not edit but the run takes from its base (the clip ε a flow run must not lose). */
    private final Label kept = new Label();

    RunConfigForm(RunConfig base) {
        this.tokenBase = base;
        this.base = base;
        setHgap(8);
        setVgap(4);
        name.setText("run");
        setIds();
        task.getItems().addAll("addition", "sort", "countdown", FLOW_TASK);
        task.setValue(base.task().id());
        size.getItems().addAll(SIZES.keySet());
        size.setValue("small (d=64, 2 layers)");
        fill(base);
        showKind();
        // a flow run starts from the flow example's settings (tiny clip ε, long pretraining), a token run from the
        // token defaults: the two kinds do not share sensible values
        task.valueProperty().addListener((o, a, b) -> {
            RunConfig next = FLOW_TASK.equals(b) ? flowBase : tokenBase;
            if (next != this.base) {
                this.base = next;
                fill(next);
                showKind();
            }
        });
        int r = 0;
        addRow(r++, new Label("Name"), name);
        addRow(r++, new Label("Task"), task, new Label("difficulty"), difficulty);
        addRow(r++, new Label("Model size"), size);
        addRow(r++, new Label("Prompts / step"), prompts, new Label("group size G"), group);
        addRow(r++, new Label("Temperature"), temperature, new Label("max new tokens"), maxTokens);
        addRow(r++, new Label("Learning rate"), lr, new Label("grad clip"), gradClip);
        addRow(r++, warmLabel, warmSteps, new Label("GRPO steps"), steps);
        add(kept, 0, r, 4, 1);
        kept.setId("keptSettings");
        kept.getStyleClass().add("text-muted");
        kept.setWrapText(true);
        kept.setMaxWidth(660);
        size.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // labels keep their text; the fields give way instead
        getChildren().stream().filter(n -> n instanceof Label && n != kept)
                .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
    }

    /**
     * A flow run has no transformer, sampling temperature, token budget or difficulty, so those fields are off,
     * and its warm-start is the flow-matching pretraining.
     */
    private void showKind() {
        boolean flow = FLOW_TASK.equals(task.getValue());
        for (javafx.scene.Node n : new javafx.scene.Node[] {size, temperature, maxTokens, difficulty}) {
            n.setDisable(flow);
        }
        warmLabel.setText(flow ? "Pretraining steps" : "Warm-start steps");
        kept.setText(String.format(java.util.Locale.ROOT, "From the %s: PPO clip ε [%s, %s], %d epoch(s) × %d "
                        + "minibatches, KL β %s, seed %d.", flow ? "flow example (configs/flow-grpo.yaml)"
                        : "token defaults", base.ppo().clipLow(), base.ppo().clipHigh(), base.ppo().epochs(),
                base.ppo().minibatches(), base.kl().beta(), base.seed()));
    }

    /** Node ids, so tests (and a person using a scene inspector) find each field. */
    private void setIds() {
        name.setId("runName");
        task.setId("task");
        difficulty.setId("difficulty");
        size.setId("modelSize");
        prompts.setId("promptsPerStep");
        group.setId("groupSize");
        temperature.setId("temperature");
        maxTokens.setId("maxNewTokens");
        lr.setId("learningRate");
        gradClip.setId("gradClip");
        warmSteps.setId("warmStartSteps");
        steps.setId("grpoSteps");
    }

    private void fill(RunConfig c) {
        difficulty.setText(String.valueOf(c.task().difficulty()));
        prompts.setText(String.valueOf(c.rollout().promptsPerStep()));
        group.setText(String.valueOf(c.rollout().groupSize()));
        temperature.setText(String.valueOf(c.rollout().temperature()));
        maxTokens.setText(String.valueOf(c.rollout().maxNewTokens()));
        lr.setText(String.valueOf(c.optimizer().lr()));
        gradClip.setText(String.valueOf(c.optimizer().gradClip()));
        warmSteps.setText(String.valueOf(c.isFlow() ? c.flow().pretrainSteps() : c.warmStart().steps()));
        steps.setText(String.valueOf(c.steps()));
    }

    /** The bundled flow example ({@code configs/flow-grpo.yaml}), the settings the flow report was made with. */
    private static RunConfig flowDefaults() {
        String path = "/io/grposcope/assets/configs/flow-grpo.yaml";
        try (java.io.InputStream in = RunConfigForm.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled config " + path);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new io.grposcope.core.config.ConfigLoader(java.util.Set.of("flow_grpo")).parse(text, path, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The task combo, so the dialog can offer the method family that fits it. */
    ComboBox<String> taskBox() {
        return task;
    }

    /** For flow runs the warm-start field sets the flow-matching pretraining steps. */
    private static RunConfig.FlowConfig withPretrain(RunConfig.FlowConfig f, int steps) {
        return new RunConfig.FlowConfig(f.denoisingSteps(), f.shift(), f.noiseLevel(), f.timestepFraction(), steps,
                f.hidden(), f.advClipMax(), f.klDenominator());
    }

    RunConfig build(RunConfig.MethodConfig method) {
        int[] s = SIZES.get(size.getValue());
        RunConfig.PolicyConfig policy = new RunConfig.PolicyConfig(s[0], s[1], s[2], base.policy().context());
        RunConfig.RolloutConfig rollout = new RunConfig.RolloutConfig(positive(prompts, "prompts per step"),
                positive(group, "group size"), real(temperature, "temperature"), base.rollout().topP(),
                positive(maxTokens, "max new tokens"));
        RunConfig.OptimizerConfig o = base.optimizer();
        RunConfig.OptimizerConfig opt = new RunConfig.OptimizerConfig(real(lr, "learning rate"), o.beta1(), o.beta2(),
                o.eps(), o.weightDecay(), real(gradClip, "grad clip"), o.warmupSteps(), o.schedule());
        RunConfig.WarmStartConfig w = base.warmStart();
        boolean flow = FLOW_TASK.equals(task.getValue());
        int warm = nonNegative(warmSteps, "warm-start steps");
        return new RunConfig(base.schemaVersion(), name.getText().strip().isEmpty() ? "run" : name.getText().strip(),
                new RunConfig.TaskConfig(flow ? "flow" : "token", task.getValue(), positive(difficulty, "difficulty")),
                policy, method, rollout, opt, base.ppo(), base.kl(), new RunConfig.WarmStartConfig(warm, w.lr(),
                w.batchSize()), flow ? withPretrain(base.flow(), warm) : base.flow(), base.metrics(), base.seed(),
                base.device(), positive(steps, "GRPO steps"));
    }

    private static int positive(TextField f, String what) {
        int v = nonNegative(f, what);
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + v);
        }
        return v;
    }

    private static int nonNegative(TextField f, String what) {
        try {
            int v = Integer.parseInt(f.getText().strip());
            if (v < 0) {
                throw new IllegalArgumentException(what + " must not be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + f.getText() + "' is not a whole number");
        }
    }

    private static double real(TextField f, String what) {
        try {
            double v = Double.parseDouble(f.getText().strip());
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be a positive number, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + f.getText() + "' is not a number");
        }
    }
}
