package io.grposcope.app.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the app version from the jar manifest (falls back to "dev" when run from classes). The installers
 * number a build by its release (0.1.0-SNAPSHOT is packaged as 0.1.0, as Debian and jpackage take no
 * qualifier), so that number comes first and the build's own follows.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"GRPO Scope " + display(VersionProvider.class.getPackage().getImplementationVersion()),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** "0.1.0" for a release, "0.1.0 (build 0.1.0-SNAPSHOT)" for a qualified build, "dev" without a version. */
    static String display(String implementationVersion) {
        if (implementationVersion == null || implementationVersion.isBlank()) {
            return "dev";
        }
        int dash = implementationVersion.indexOf('-');
        return dash < 0 ? implementationVersion
                : implementationVersion.substring(0, dash) + " (build " + implementationVersion + ")";
    }
}
