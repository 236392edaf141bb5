package io.grposcope.app.ui.newrun;

import io.grposcope.core.algo.spi.MethodProvider;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.config.ConfigLoader;
import io.grposcope.core.config.RunConfig;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless: "Save config…" writes YAML that the config loader the CLI uses ({@code train --config}: registry
 * method ids, parameters checked against their specs) reads back to the very config Create returns.
 */
@ExtendWith(ApplicationExtension.class)
class NewRunSaveTest {
    private static final MethodRegistry REGISTRY = NewRunDialogTest.REGISTRY;
    @TempDir
    Path dir;
    private NewRunDialog dialog;

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
                dialog.close();
            }
        });
    }

    /** Like {@code TrainCommand.load}: the registry's ids, and each method param coerced by its spec. */
    static ConfigLoader loader() {
        Set<String> ids = REGISTRY.available().stream().map(MethodProvider::id).collect(Collectors.toSet());
        return new ConfigLoader(ids).withMethodParams((id, params) -> {
            Map<String, String> problems = new LinkedHashMap<>();
            MethodProvider p = REGISTRY.find(id).orElseThrow();
            Map<String, ParamSpec> specs = p.params().stream()
                    .collect(Collectors.toMap(ParamSpec::name, s -> s));
            params.forEach((name, value) -> {
                try {
                    specs.get(name).coerce(value);
                } catch (RuntimeException e) {
                    problems.put(name, String.valueOf(e.getMessage()));
                }
            });
            return problems;
        });
    }

    private RunConfig saveAndCompare(FxRobot robot, String file) throws Exception {
        Path out = dir.resolve(file);
        boolean[] saved = new boolean[1];
        RunConfig[] built = new RunConfig[1];
        robot.interact(() -> {
            saved[0] = dialog.save(out);
            built[0] = dialog.build();
        });
        assertThat(saved[0]).as(((Label) dialog.getDialogPane().lookup("#newRunError")).getText()).isTrue();
        assertThat(Files.readString(out)).contains("method:");
        RunConfig back = loader().load(out);
        assertThat(back).isEqualTo(built[0]);
        return back;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTokenRunWithEditedPluginParamsRoundTrips(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new NewRunDialog(null, REGISTRY);
            // shown, so the parameter fields inside the scroll pane are in the scene graph
            dialog.show();
            ((TextField) dialog.getDialogPane().lookup("#runName")).setText("dapo: clip-higher");
            ((ComboBox<String>) dialog.getDialogPane().lookup("#task")).setValue("countdown");
            ((ComboBox<String>) dialog.getDialogPane().lookup("#method")).setValue("dapo");
            ((TextField) dialog.getDialogPane().lookup("#param-eps_high")).setText("0.3");
            ((TextField) dialog.getDialogPane().lookup("#param-l_cache")).setText("2");
            ((CheckBox) dialog.getDialogPane().lookup("#param-use_kl")).setSelected(true);
            ((TextField) dialog.getDialogPane().lookup("#learningRate")).setText("3e-4");
        });
        RunConfig back = saveAndCompare(robot, "dapo.yaml");
        assertThat(back.method().params()).containsEntry("eps_high", 0.3).containsEntry("l_cache", 2)
                .containsEntry("use_kl", true);
        assertThat(back.task().id()).isEqualTo("countdown");
        assertThat(back.optimizer().lr()).isEqualTo(3e-4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFlowRunRoundTripsWithTheFlowSettings(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new NewRunDialog(null, REGISTRY);
            // shown, so the parameter fields inside the scroll pane are in the scene graph
            dialog.show();
            ((ComboBox<String>) dialog.getDialogPane().lookup("#task")).setValue("point_modes");
            ((ComboBox<String>) dialog.getDialogPane().lookup("#method")).setValue("mixgrpo");
            ((ComboBox<String>) dialog.getDialogPane().lookup("#param-strategy")).setValue("random");
            ((TextField) dialog.getDialogPane().lookup("#warmStartSteps")).setText("800");
        });
        RunConfig back = saveAndCompare(robot, "mix.yml");
        assertThat(back.isFlow()).isTrue();
        assertThat(back.method().id()).isEqualTo("mixgrpo");
        assertThat(back.method().params()).containsEntry("strategy", "random");
        assertThat(back.flow().pretrainSteps()).isEqualTo(800);
        assertThat(back.ppo().clipLow()).isEqualTo(0.01);
    }

    @Test
    void anInvalidFormIsNotSaved(FxRobot robot) {
        Path out = dir.resolve("bad.yaml");
        boolean[] saved = new boolean[1];
        robot.interact(() -> {
            dialog = new NewRunDialog(null, REGISTRY);
            // shown, so the parameter fields inside the scroll pane are in the scene graph
            dialog.show();
            ((TextField) dialog.getDialogPane().lookup("#param-adv_eps")).setText("2");
            saved[0] = dialog.save(out);
        });
        assertThat(saved[0]).isFalse();
        assertThat(out).doesNotExist();
        assertThat(((Label) dialog.getDialogPane().lookup("#newRunError")).getText()).contains("adv_eps");
    }
}
