package io.grposcope.app.ui.newrun;

import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.config.RunConfig;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless: drives the new-run dialog's controls by id like a person would (task, method, fields, Create) and
 * checks that the task picks the method family and its defaults, that bad parameter values name the field and
 * block Create, and that Create returns exactly what was entered.
 */
@ExtendWith(ApplicationExtension.class)
class NewRunDialogTest {
    static final MethodRegistry REGISTRY = MethodRegistry.load(NewRunDialogTest.class.getClassLoader());
    static final List<String> TOKEN_METHODS = List.of("grpo", "dr_grpo", "gspo", "dapo");
    static final List<String> FLOW_METHODS = List.of("flow_grpo", "grpo_guard", "tempflow_grpo", "mixgrpo");

    private NewRunDialog dialog;

    /** Starts the toolkit and shows the dialog once (classes, CSS, skins), not inside the first test. */
    @BeforeAll
    static void warmUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            NewRunDialog d = new NewRunDialog(null, REGISTRY);
            d.initModality(javafx.stage.Modality.NONE);
            d.show();
            d.build();
            d.close();
        });
    }

    @Start
    void start(Stage stage) {
        // a window with a scene under the modal dialog: Monocle cannot disable an empty one
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.setResult(null);
                dialog.close();
            }
        });
    }

    NewRunDialog open(FxRobot robot) {
        robot.interact(() -> {
            dialog = new NewRunDialog(null, REGISTRY);
            dialog.show();
        });
        return dialog;
    }

    <T extends Node> T node(String id, Class<T> type) {
        Node n = dialog.getDialogPane().lookup("#" + id);
        assertThat(n).as("node #" + id).isNotNull();
        return type.cast(n);
    }

    void type(FxRobot robot, String id, String text) {
        robot.interact(() -> node(id, TextField.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    void choose(FxRobot robot, String id, String value) {
        robot.interact(() -> node(id, ComboBox.class).setValue(value));
    }

    @SuppressWarnings("unchecked")
    List<String> methods() {
        return List.copyOf(node("method", ComboBox.class).getItems());
    }

    String text(String id) {
        return node(id, TextField.class).getText();
    }

    /** Clicks Create run; the config it returned, or null if the dialog stayed open. */
    RunConfig create(FxRobot robot) {
        robot.interact(() -> ((Button) dialog.getDialogPane().lookupButton(NewRunDialog.CREATE)).fire());
        return dialog.isShowing() ? null : dialog.getResult();
    }

    String error() {
        return node("newRunError", Label.class).getText();
    }

    @Test
    void aTokenTaskOffersOnlyTokenMethodsWithTokenDefaults(FxRobot robot) {
        open(robot);
        RunConfig d = RunConfig.defaults();
        assertThat(methods()).containsExactlyInAnyOrderElementsOf(TOKEN_METHODS);
        assertThat(node("method", ComboBox.class).getValue()).isEqualTo("grpo");
        assertThat(text("warmStartSteps")).isEqualTo(String.valueOf(d.warmStart().steps()));
        assertThat(text("grpoSteps")).isEqualTo(String.valueOf(d.steps()));
        RunConfig c = create(robot);
        assertThat(c).isNotNull();
        assertThat(c.isFlow()).isFalse();
        assertThat(c.ppo()).isEqualTo(d.ppo());
        assertThat(c.method().id()).isEqualTo("grpo");
    }

    @Test
    void pointModesLoadsTheFlowExampleAndOffersOnlyFlowMethods(FxRobot robot) {
        open(robot);
        choose(robot, "task", "point_modes");
        assertThat(methods()).containsExactlyInAnyOrderElementsOf(FLOW_METHODS);
        assertThat(node("method", ComboBox.class).getValue()).isEqualTo("flow_grpo");
        assertThat(text("warmStartSteps")).isEqualTo("1500");
        assertThat(text("groupSize")).isEqualTo("12");
        assertThat(node("param-global_std", CheckBox.class).isSelected()).isTrue();
        assertThat(node("keptSettings", Label.class).getText()).contains("flow example").contains("ε [0.01, 0.01]");
        for (String unused : List.of("modelSize", "temperature", "maxNewTokens", "difficulty")) {
            assertThat(node(unused, Node.class).isDisable()).as(unused + " is off for a flow run").isTrue();
        }
        RunConfig c = create(robot);
        assertThat(c).isNotNull();
        assertThat(c.isFlow()).isTrue();
        assertThat(c.task().id()).isEqualTo("point_modes");
        assertThat(c.method().id()).isEqualTo("flow_grpo");
        assertThat(c.ppo().clipLow()).isEqualTo(0.01);
        assertThat(c.ppo().clipHigh()).isEqualTo(0.01);
        assertThat(c.flow().pretrainSteps()).isEqualTo(1500);
        assertThat(c.kl().beta()).isEqualTo(0.01);
        assertThat(c.optimizer().lr()).isEqualTo(1e-3);
    }

    @Test
    void switchingBackToATokenTaskRestoresTokenDefaultsAndMethods(FxRobot robot) {
        open(robot);
        choose(robot, "task", "point_modes");
        choose(robot, "method", "mixgrpo");
        choose(robot, "task", "sort");
        RunConfig d = RunConfig.defaults();
        assertThat(methods()).containsExactlyInAnyOrderElementsOf(TOKEN_METHODS);
        assertThat(node("method", ComboBox.class).getValue()).isEqualTo("grpo");
        assertThat(text("warmStartSteps")).isEqualTo(String.valueOf(d.warmStart().steps()));
        assertThat(text("groupSize")).isEqualTo(String.valueOf(d.rollout().groupSize()));
        assertThat(dialog.getDialogPane().lookup("#param-window_size")).isNull();
        assertThat(node("keptSettings", Label.class).getText()).contains("token defaults")
                .contains("ε [" + d.ppo().clipLow() + ", " + d.ppo().clipHigh() + "]");
        assertThat(node("temperature", Node.class).isDisable()).isFalse();
        RunConfig c = create(robot);
        assertThat(c.isFlow()).isFalse();
        assertThat(c.task().id()).isEqualTo("sort");
        assertThat(c.ppo()).isEqualTo(d.ppo());
        assertThat(c.kl()).isEqualTo(d.kl());
        assertThat(c.optimizer()).isEqualTo(d.optimizer());
        assertThat(c.flow()).isEqualTo(d.flow());
    }

    @Test
    void aMethodKeepsItsFamilyWhenTheTaskStaysInIt(FxRobot robot) {
        open(robot);
        choose(robot, "method", "dapo");
        choose(robot, "task", "countdown");
        assertThat(node("method", ComboBox.class).getValue()).isEqualTo("dapo");
        choose(robot, "task", "point_modes");
        choose(robot, "method", "grpo_guard");
        assertThat(node("param-ratio_norm", CheckBox.class)).isNotNull();
        assertThat(dialog.getDialogPane().lookup("#param-eps_low")).isNull();
    }

    @Test
    void aBadParameterValueNamesTheFieldAndBlocksCreate(FxRobot robot) {
        open(robot);
        choose(robot, "method", "dapo");
        assertThat(text("param-eps_low")).isEqualTo("0.2");
        assertThat(node("param-dynamic_sampling", CheckBox.class).isSelected()).isTrue();
        type(robot, "param-eps_low", "11");
        assertThat(create(robot)).isNull();
        assertThat(dialog.isShowing()).isTrue();
        assertThat(error()).contains("eps_low").contains("outside [0, 10]");
        assertThat(node("newRunError", Label.class).getStyleClass()).contains("danger");
        type(robot, "param-eps_low", "abc");
        assertThat(create(robot)).isNull();
        assertThat(error()).contains("eps_low").contains("not a number");
        type(robot, "param-eps_low", "0.25");
        type(robot, "param-l_cache", "2.5");
        assertThat(create(robot)).isNull();
        assertThat(error()).contains("l_cache").contains("whole number");
        type(robot, "param-l_cache", "");
        assertThat(create(robot)).isNull();
        assertThat(error()).contains("l_cache").contains("empty");
    }

    @Test
    void aBadFormValueNamesTheFieldAndBlocksCreate(FxRobot robot) {
        open(robot);
        type(robot, "learningRate", "fast");
        assertThat(create(robot)).isNull();
        assertThat(error()).contains("learning rate").contains("'fast' is not a number");
        type(robot, "learningRate", "1e-3");
        type(robot, "groupSize", "0");
        assertThat(create(robot)).isNull();
        assertThat(error()).contains("group size").contains("at least 1");
        type(robot, "groupSize", "1");
        assertThat(create(robot)).as("the loader refuses G = 1").isNull();
        assertThat(error()).contains("rollout.groupSize");
        type(robot, "groupSize", "4");
        assertThat(create(robot)).isNotNull();
    }

    @Test
    void createReturnsExactlyWhatWasEntered(FxRobot robot) {
        open(robot);
        type(robot, "runName", "  my sort run ");
        choose(robot, "task", "sort");
        type(robot, "difficulty", "3");
        choose(robot, "modelSize", "medium (d=128, 4 layers)");
        type(robot, "promptsPerStep", "3");
        type(robot, "groupSize", "6");
        type(robot, "temperature", "0.7");
        type(robot, "maxNewTokens", "5");
        type(robot, "learningRate", "0.002");
        type(robot, "gradClip", "0.5");
        type(robot, "warmStartSteps", "10");
        type(robot, "grpoSteps", "20");
        choose(robot, "method", "dr_grpo");
        choose(robot, "param-divisor", "trl");
        type(robot, "param-norm_constant", "8");
        RunConfig c = create(robot);
        assertThat(c).isNotNull();
        assertThat(c.name()).isEqualTo("my sort run");
        assertThat(c.task()).isEqualTo(new RunConfig.TaskConfig("token", "sort", 3));
        assertThat(c.policy().dModel()).isEqualTo(128);
        assertThat(c.policy().layers()).isEqualTo(4);
        assertThat(c.rollout().promptsPerStep()).isEqualTo(3);
        assertThat(c.rollout().groupSize()).isEqualTo(6);
        assertThat(c.rollout().temperature()).isEqualTo(0.7);
        assertThat(c.rollout().maxNewTokens()).isEqualTo(5);
        assertThat(c.optimizer().lr()).isEqualTo(0.002);
        assertThat(c.optimizer().gradClip()).isEqualTo(0.5);
        assertThat(c.warmStart().steps()).isEqualTo(10);
        assertThat(c.steps()).isEqualTo(20);
        assertThat(c.method().id()).isEqualTo("dr_grpo");
        assertThat(c.method().params()).containsEntry("divisor", "trl").containsEntry("norm_constant", 8.0);
    }

    @Test
    void cancelReturnsNoConfig(FxRobot robot) {
        open(robot);
        robot.interact(() -> ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).fire());
        assertThat(dialog.isShowing()).isFalse();
        assertThat(dialog.getResult()).isNull();
    }
}
