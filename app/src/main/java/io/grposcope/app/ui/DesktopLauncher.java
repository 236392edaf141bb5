package io.grposcope.app.ui;

/** Starts the JavaFX application; replaced by the real window in the app issue. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        javafx.application.Application.launch(GrpoScopeApp.class, args);
    }
}
