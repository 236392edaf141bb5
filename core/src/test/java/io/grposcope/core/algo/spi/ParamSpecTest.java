package io.grposcope.core.algo.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed parameter coercion: what config files and text fields may contain, and the errors otherwise. */
class ParamSpecTest {

    @Test
    void coercesToTheDeclaredType() {
        assertThat(ParamSpec.real("eps", 0.2, 0, 1, "").coerce("0.25")).isEqualTo(0.25);
        assertThat(ParamSpec.integer("k", 3, 1, 9, "").coerce(4.0)).isEqualTo(4);
        assertThat(ParamSpec.flag("on", false, "").coerce("TRUE")).isEqualTo(true);
        assertThat(ParamSpec.choice("m", "a", List.of("a", "b"), "").coerce(null)).isEqualTo("a");
    }

    @Test
    void rejectsWrongValuesNamingTheParameter() {
        assertThatThrownBy(() -> ParamSpec.integer("k", 3, 1, 9, "").coerce(2.5))
                .hasMessageContaining("'k'").hasMessageContaining("whole number");
        assertThatThrownBy(() -> ParamSpec.real("eps", 0.2, 0, 1, "").coerce("abc")).hasMessageContaining("number");
        assertThatThrownBy(() -> ParamSpec.real("eps", 0.2, 0, 1, "").coerce(Double.NaN))
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> ParamSpec.flag("on", false, "").coerce("yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> ParamSpec.choice("m", "a", List.of("a", "b"), "").coerce("c"))
                .hasMessageContaining("one of [a, b]");
    }

    @Test
    void dynamicSamplingDropsAllEqualGroupsButKeepsSingletons() {
        var groups = io.grposcope.core.algo.GroupIndex.ofIds(1, 2, 1, 2, 3);
        assertThat(SampleFilter.dropFlatGroups().keep(new double[] {1, 0, 1, 1, 0}, groups))
                .containsExactly(1, 3, 4);
        assertThat(SampleFilter.keepAll().keep(new double[] {1, 0, 1, 1, 0}, groups)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void clipBoundsAndSettingsRejectNonsense() {
        assertThatThrownBy(() -> new ClipBounds(-0.1, 0.2, 3, Double.POSITIVE_INFINITY)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new ClipBounds(0.2, 0.2, 0.5, Double.POSITIVE_INFINITY))
                .hasMessageContaining("dual-clip");
        assertThatThrownBy(() -> LossSettings.defaults().withKlBeta(Double.NaN)).hasMessageContaining("KL beta");
    }
}
