package io.grposcope.app.ui;

import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.app.ui.run.RunLauncher;
import io.grposcope.core.store.RunStore;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The desktop application: AtlantaFX theme, the workspace store, and the main window. */
public final class GrpoScopeApp extends Application {
    private static final String CSS = "/io/grposcope/assets/ui/grposcope.css";
    private RunStore store;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        applyTheme(false);
        store = RunStore.openDefault();
        Path runs = store.path().toAbsolutePath().getParent().resolve("runs");
        window = new MainWindow(new RunLauncher(store, runs), Glossary.load(), GrpoScopeApp::applyTheme);
        Scene scene = new Scene(window, 1500, 940);
        addStylesheet(scene);
        window.installShortcuts(scene);
        stage.setTitle("GRPO Scope");
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean("grposcope.autostart")) {
            window.startDefaultRun();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.closeAll();
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * Switches the whole application between AtlantaFX Primer light and dark. The stylesheets are used
     * directly because atlantafx-base 2.1.0's classes are Java 21 bytecode and this app runs on Java 17.
     */
    public static void applyTheme(boolean dark) {
        String css = "/atlantafx/base/theme/primer-" + (dark ? "dark" : "light") + ".css";
        java.net.URL url = GrpoScopeApp.class.getResource(css);
        if (url == null) {
            throw new IllegalStateException("AtlantaFX theme " + css + " is not on the class path");
        }
        Application.setUserAgentStylesheet(url.toExternalForm());
    }

    /** Adds the app's own small stylesheet (plot titles, panels) when it is on the class path. */
    public static void addStylesheet(Scene scene) {
        java.net.URL css = GrpoScopeApp.class.getResource(CSS);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
    }
}
