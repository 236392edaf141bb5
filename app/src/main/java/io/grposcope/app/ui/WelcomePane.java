package io.grposcope.app.ui;

import io.grposcope.app.AppDirs;
import io.grposcope.app.plugins.PluginStatusPane;
import io.grposcope.app.plugins.UserPlugins;
import io.grposcope.core.config.RunConfig;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** First screen: the built-in default run, ready to start with one click, and the way to a custom run. */
final class WelcomePane extends VBox {

    WelcomePane(RunConfig defaults, Runnable startDefault, Runnable newRun) {
        setSpacing(14);
        setPadding(new Insets(40));
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label("GRPO Scope");
        title.getStyleClass().add("title-1");
        Label intro = new Label("Watch what the optimiser does at every step of a GRPO run, and steer it while it trains.");
        intro.setWrapText(true);
        Label summary = new Label(describe(defaults));
        summary.getStyleClass().add("text-muted");
        summary.setWrapText(true);
        Button start = new Button("Start the default run", new FontIcon(MaterialDesignP.PLAY));
        start.setId("startDefault");
        start.getStyleClass().addAll("accent", "large");
        start.setDefaultButton(true);
        start.setOnAction(e -> startDefault.run());
        Button custom = new Button("New run…");
        custom.setOnAction(e -> newRun.run());
        Label keys = new Label("Keys: F5 start/resume · F6 pause · F7 single step · Shift+F5 stop · Ctrl+S checkpoint");
        keys.getStyleClass().add("text-muted");
        getChildren().addAll(title, intro, summary, start, custom, keys, new PluginStatusPane(UserPlugins.current()));
        AppDirs.firstRunNotice().ifPresent(n -> getChildren().add(muted(n)));
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    static String describe(RunConfig c) {
        return String.format("Default run: task %s (difficulty %d), transformer d=%d, %d layers, %d heads; method %s; "
                        + "%d prompts × G=%d per step; lr %.0e; %d warm-start steps, then %d GRPO steps.",
                c.task().id(), c.task().difficulty(), c.policy().dModel(), c.policy().layers(), c.policy().heads(),
                c.method().id(), c.rollout().promptsPerStep(), c.rollout().groupSize(), c.optimizer().lr(),
                c.warmStart().steps(), c.steps());
    }
}
