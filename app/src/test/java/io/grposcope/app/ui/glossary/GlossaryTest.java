package io.grposcope.app.ui.glossary;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GlossaryTest {

    @Test
    void everyDashboardMetricHasAnEntryWithFrameworkNames() {
        Glossary g = Glossary.load();
        for (String m : new String[] {"reward/mean", "grad/norm", "clip/frac_high", "clip/frac_low", "clip/frac_dual",
            "kl/ref", "entropy/token_mean", "ratio/log", "lr", "grad/layer_norms"}) {
            assertThat(g.entry(m)).as(m).isPresent();
        }
        assertThat(g.entry("grad/norm").orElseThrow().verl()).isEqualTo("actor/grad_norm");
        assertThat(g.entry("clip/frac_high").orElseThrow().trl()).isEqualTo("clip_ratio/high_mean");
        assertThat(g.tooltip("kl/ref")).contains("Healthy:").contains("verl: actor/kl_loss");
    }

    @Test
    void docsPageIsGeneratedFromTheResource() throws Exception {
        Path doc = Path.of("..", "docs", "metric-glossary.md");
        assertThat(Files.readString(doc))
                .as("docs/metric-glossary.md is stale: regenerate with Glossary.main (see its javadoc)")
                .isEqualTo(Glossary.load().markdown());
    }

    @Test
    void malformedEntryNamesTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Glossary.parse("[x]\ntitle: X\n"))
                .hasMessageContaining("[x]").hasMessageContaining("meaning");
    }
}
