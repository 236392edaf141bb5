package io.grposcope.core.algo.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.LossAggregation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, failure isolation, parameter validation and "did you mean" errors of the method registry. */
class MethodRegistryTest {

    @Test
    void findsBuiltInMethods() {
        MethodRegistry r = MethodRegistry.builtin();
        assertThat(r.available()).extracting(MethodProvider::id).contains("grpo", "dr_grpo");
        assertThat(r.statuses()).allMatch(ProviderStatus::available);
        MethodProvider dr = r.find("dr_grpo").orElseThrow();
        assertThat(dr.paperReference()).contains("2503.20783");
        assertThat(dr.params()).extracting(ParamSpec::name).containsExactly("divisor", "norm_constant");
    }

    @Test
    void resolvesParametersWithDefaultsAndTypes() {
        Method m = MethodRegistry.builtin().resolve("grpo", Map.of("loss_agg", "seq-mean-token-mean",
                "adv_eps", "1e-4"));
        assertThat(m.params().getString("loss_agg")).isEqualTo("seq-mean-token-mean");
        assertThat(m.params().getDouble("adv_eps")).isEqualTo(1e-4);
        assertThat(m.params().getString("kl_estimator")).isEqualTo("k3");
        assertThat(((LossAggregation) m.aggregator()).mode()).isEqualTo(AggregationMode.SEQ_MEAN_TOKEN_MEAN);
        Method residue = MethodRegistry.builtin().resolve("grpo", Map.of("flat_groups", "residue",
                "singleton", "zero"));
        var o = ((io.grposcope.core.algo.GroupAdvantage) residue.advantageEstimator()).options();
        assertThat(o.zeroFlatGroups()).isFalse();
        assertThat(o.singleton()).isEqualTo(io.grposcope.core.algo.GroupAdvantage.Singleton.ZERO);
    }

    @Test
    void unknownIdsAndParamsNameTheClosestValidOnes() {
        MethodRegistry r = MethodRegistry.builtin();
        assertThatThrownBy(() -> r.resolve("dr-grpo", Map.of())).hasMessageContaining("unknown method 'dr-grpo'")
                .hasMessageContaining("dr_grpo");
        assertThatThrownBy(() -> r.resolve("grpo", Map.of("los_agg", "token-mean")))
                .hasMessageContaining("no parameter 'los_agg'").hasMessageContaining("loss_agg");
        assertThatThrownBy(() -> r.resolve("grpo", Map.of("adv_eps", 5)))
                .hasMessageContaining("adv_eps").hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> r.resolve("grpo", Map.of("loss_agg", "token_mean2")))
                .hasMessageContaining("one of");
    }

    @Test
    void brokenProvidersAreListedAsUnavailableAndTheRestLoad(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        String prefix = MethodRegistryTest.class.getName() + "$";
        Files.write(services.resolve(MethodProvider.class.getName()), List.of(
                "io.grposcope.nowhere.MissingProvider", prefix + "ThrowingConstructor", prefix + "ThrowingCreate",
                prefix + "Good", prefix + "DuplicateOfGrpo", prefix + "BadId"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                MethodRegistryTest.class.getClassLoader())) {
            MethodRegistry r = MethodRegistry.load(loader);
            assertThat(r.available()).extracting(MethodProvider::id).contains("grpo", "dr_grpo", "good_test");
            List<ProviderStatus> broken = r.statuses().stream().filter(s -> !s.available()).toList();
            assertThat(broken).extracting(ProviderStatus::error).anyMatch(e -> e.contains("MissingProvider"))
                    .anyMatch(e -> e.contains("boom in constructor"))
                    .anyMatch(e -> e.contains("boom in create"))
                    .anyMatch(e -> e.contains("duplicate method id 'grpo'"))
                    .anyMatch(e -> e.contains("invalid id"));
            assertThat(broken).hasSize(5);
            assertThat(r.resolve("good_test", Map.of()).id()).isEqualTo("good_test");
        }
    }

    /** A minimal valid provider overriding nothing. */
    public static class Good implements MethodProvider {
        @Override
        public String id() {
            return "good_test";
        }

        @Override
        public String displayName() {
            return "Good";
        }

        @Override
        public String description() {
            return "test provider";
        }

        @Override
        public String paperReference() {
            return "none";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public Hooks create(MethodParams params) {
            return Hooks.builder().build();
        }
    }

    public static class ThrowingConstructor extends Good {
        public ThrowingConstructor() {
            throw new IllegalStateException("boom in constructor");
        }
    }

    public static class ThrowingCreate extends Good {
        @Override
        public String id() {
            return "throwing_create";
        }

        @Override
        public Hooks create(MethodParams params) {
            throw new IllegalStateException("boom in create");
        }
    }

    public static class DuplicateOfGrpo extends Good {
        @Override
        public String id() {
            return "grpo";
        }
    }

    public static class BadId extends Good {
        @Override
        public String id() {
            return "Bad Id";
        }
    }
}
