package io.grposcope.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop window. */
public final class GrpoScopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("GRPO Scope");
        stage.setScene(new Scene(new Label("GRPO Scope"), 1280, 800));
        stage.show();
    }
}
