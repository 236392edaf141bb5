package io.grposcope.core.store;

import java.nio.file.Path;

/** Where the default workspace lives. */
final class WorkspacePaths {

    static final String FILE_NAME = "workspace.db";

    private WorkspacePaths() {
    }

    static Path defaultDatabase() {
        String home = System.getProperty("grposcope.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("GRPOSCOPE_HOME");
        }
        if (home != null && !home.isBlank()) {
            return Path.of(home).resolve(FILE_NAME);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "grposcope", FILE_NAME);
    }
}
