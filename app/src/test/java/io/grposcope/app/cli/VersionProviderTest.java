package io.grposcope.app.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --version leads with the number the installers give the build (0.1.0-SNAPSHOT is packaged as 0.1.0). */
class VersionProviderTest {

    @Test
    void theReleaseNumberComesFirst() {
        assertThat(VersionProvider.display("0.1.0-SNAPSHOT")).isEqualTo("0.1.0 (build 0.1.0-SNAPSHOT)");
        assertThat(VersionProvider.display("0.2.0")).isEqualTo("0.2.0");
        assertThat(VersionProvider.display(null)).isEqualTo("dev");
    }
}
