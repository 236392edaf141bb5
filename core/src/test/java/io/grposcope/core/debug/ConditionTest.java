package io.grposcope.core.debug;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConditionTest {

    private static ToDoubleFunction<String> metrics(Map<String, Double> m) {
        return n -> m.getOrDefault(n, Double.NaN);
    }

    @Test
    void theBriefsExampleEvaluatesOnMetricNamesWithSlashes() {
        Condition c = Condition.parse("clip/frac_region > 0.3 && entropy/token_mean < 0.2");
        assertThat(c.metricNames()).containsExactly("clip/frac_region", "entropy/token_mean");
        assertThat(c.test(metrics(Map.of("clip/frac_region", 0.4, "entropy/token_mean", 0.1)))).isTrue();
        assertThat(c.test(metrics(Map.of("clip/frac_region", 0.4, "entropy/token_mean", 0.3)))).isFalse();
        assertThat(c.test(metrics(Map.of("clip/frac_region", 0.2, "entropy/token_mean", 0.1)))).isFalse();
    }

    @Test
    void precedenceArithmeticNotAndParentheses() {
        Map<String, Double> m = Map.of("a", 2.0, "b", 3.0, "t3/ratio/mean", 0.5);
        assertThat(Condition.parse("a + b * 2 == 8").test(metrics(m))).isTrue();
        assertThat(Condition.parse("(a + b) * 2 == 10").test(metrics(m))).isTrue();
        assertThat(Condition.parse("a / b < 0.7 && a / b > 0.6").test(metrics(m))).isTrue();
        assertThat(Condition.parse("-a < 0 || false").test(metrics(m))).isTrue();
        assertThat(Condition.parse("!(a > 1) || b < 1").test(metrics(m))).isFalse();
        assertThat(Condition.parse("true || false && false").test(metrics(m))).isTrue();
        assertThat(Condition.parse("abs(a - b) >= 1 && max(a, b) == 3 && t3/ratio/mean <= 1e-0").test(metrics(m)))
                .isTrue();
        assertThat(Condition.parse("`t3/ratio/mean` * 4 == 2").test(metrics(m))).isTrue();
    }

    @Test
    void missingOrNonFiniteMetricsMakeComparisonsFalse() {
        Map<String, Double> m = Map.of("grad/norm", Double.NaN);
        assertThat(Condition.parse("grad/norm > 10").test(metrics(m))).isFalse();
        assertThat(Condition.parse("kl/ref < 10").test(metrics(m))).isFalse();
        assertThat(Condition.parse("!finite(grad/norm)").test(metrics(m))).isTrue();
    }

    @Test
    void parseErrorsGiveTheColumnAndWhatWasExpected() {
        ConditionSyntaxException e = catchThrowableOfType(ConditionSyntaxException.class,
                () -> Condition.parse("clip/frac_region > && x < 1"));
        assertThat(e.position()).isEqualTo(19);
        assertThat(e.getMessage()).contains("column 20").contains("expected a number, a metric name")
                .contains("found '&&'");

        e = catchThrowableOfType(ConditionSyntaxException.class, () -> Condition.parse("(a > 1 && b < 2"));
        assertThat(e.expected()).contains("')' to close the '(' at column 1");
        assertThat(e.found()).isEqualTo("the end of the condition");

        e = catchThrowableOfType(ConditionSyntaxException.class, () -> Condition.parse("a > 1 & b < 2"));
        assertThat(e.position()).isEqualTo(6);
        assertThat(e.expected()).isEqualTo("'&&'");
    }

    @Test
    void typeErrorsAreParseErrors() {
        assertThatThrownBy(() -> Condition.parse("grad/norm * 2")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("a true/false condition");
        assertThatThrownBy(() -> Condition.parse("a > 1 && 3")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("true/false operands around '&&'");
        assertThatThrownBy(() -> Condition.parse("(a > 1) + 2 > 0")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("numbers around '+'");
        assertThatThrownBy(() -> Condition.parse("a < b < c")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("'&&' or '||' between comparisons");
        assertThatThrownBy(() -> Condition.parse("  ")).isInstanceOf(ConditionSyntaxException.class);
        assertThatThrownBy(() -> Condition.parse("max(a) > 1")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("',' and argument 2 of max");
    }
}
