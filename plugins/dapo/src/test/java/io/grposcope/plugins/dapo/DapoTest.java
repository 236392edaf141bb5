package io.grposcope.plugins.dapo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.LossTerms;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.algo.spi.RolloutContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** DAPO's pieces against methods-spec §2.3 and the hand-worked numbers of §9.2, §9.5 and §9.10. */
class DapoTest {

    private static final NDManager M = NDManager.newBaseManager();
    private static final MethodRegistry REGISTRY = MethodRegistry.load(DapoTest.class.getClassLoader());
    /** The run's live clip: symmetric 0.2, no dual clip, β 0.5 (DAPO must ignore β unless use_kl). */
    private static final LossSettings LIVE =
            new LossSettings(ClipBounds.symmetric(0.2), 0.5, 0.0);

    @AfterAll
    static void close() {
        M.close();
    }

    /** §9.10: L_max 20 480, L_cache 4 096. */
    @Test
    void overlongPenaltyMatchesSpec910() {
        int max = 20_480;
        int cache = 4_096;
        assertThat(OverlongPenalty.penalty(16_000, max, cache, 1)).isZero();
        assertThat(OverlongPenalty.penalty(16_384, max, cache, 1)).isZero();
        assertThat(OverlongPenalty.penalty(18_432, max, cache, 1)).isCloseTo(-0.5, within(1e-12));
        assertThat(OverlongPenalty.penalty(20_480, max, cache, 1)).isCloseTo(-1.0, within(1e-12));
        assertThat(OverlongPenalty.penalty(21_000, max, cache, 1)).isEqualTo(-1.0);
    }

    /** The buffer edges on a small run: L_max 8, L_cache 4, factor 0.5 → 0 up to 4 tokens, then −0.125 a token. */
    @Test
    void overlongPenaltyAtTheBufferEdgesIsAddedToTheReward() {
        assertThat(OverlongPenalty.penalty(4, 8, 4, 0.5)).isZero();
        assertThat(OverlongPenalty.penalty(5, 8, 4, 0.5)).isCloseTo(-0.125, within(1e-12));
        assertThat(OverlongPenalty.penalty(8, 8, 4, 0.5)).isCloseTo(-0.5, within(1e-12));
        assertThat(OverlongPenalty.penalty(9, 8, 4, 0.5)).isEqualTo(-0.5);
        assertThat(OverlongPenalty.penalty(1, 8, 8, 1)).isCloseTo(-0.125, within(1e-12));
        assertThatThrownBy(() -> OverlongPenalty.penalty(3, 8, 9, 1)).hasMessageContaining("l_cache = 9")
                .hasMessageContaining("L_max = 8");
        Method dapo = REGISTRY.resolve("dapo", Map.of("l_cache", 4, "penalty_factor", 0.5));
        try (NDManager m = M.newSubManager()) {
            NDArray rewards = m.create(new float[] {1, 0, 1, 0.1f});
            RolloutContext ctx = new RolloutContext(new int[] {3, 4, 6, 8}, new boolean[] {false, false, false, true},
                    8);
            float[] shaped = dapo.rewardShaper().shape(rewards, GroupIndex.contiguous(4, 2), ctx).toFloatArray();
            assertThat(shaped).containsExactly(new float[] {1, 0, 0.75f, -0.4f}, within(1e-6f));
        }
    }

    /** Population std decides: all-equal groups go, any spread stays, a group of one stays. */
    @Test
    void dynamicSamplingDropsZeroStdGroupsOnly() {
        Method dapo = REGISTRY.resolve("dapo", Map.of("max_gen_batches", 3));
        double[] rewards = {1, 1, 1, 0, 0.5, 0, 0.2, 0.2, 0.7};
        GroupIndex groups = GroupIndex.ofIds(0, 0, 0, 1, 1, 1, 2, 2, 3);
        assertThat(dapo.sampleFilter().keep(rewards, groups)).containsExactly(3, 4, 5, 8);
        assertThat(dapo.sampleFilter().refillRounds()).hasValue(3);
        assertThat(FlatGroupFilter.populationStd(new double[] {1, 0, 0, 1})).isEqualTo(0.5);
        assertThat(FlatGroupFilter.populationStd(new double[] {1.1, 1.1, 1.1})).isZero();
        Method off = REGISTRY.resolve("dapo", Map.of("dynamic_sampling", false));
        assertThat(off.sampleFilter().keep(rewards, groups)).hasSize(9);
        assertThat(off.sampleFilter().refillRounds()).isEmpty();
    }

    /** §9.2 (ε_low 0.2, ε_high 0.28) although the run's live clip is symmetric 0.2; w = 1.25 tells them apart. */
    @Test
    void clipHigherOwnsTheBoundsUnlessLiveClipIsOn() {
        double[] w = {1.5, 0.5, 1.5, 0.5, 1.1, 1.25};
        double[] a = {1, 1, -1, -1, 1, 1};
        try (NDManager m = M.newSubManager()) {
            LossTerms dapo = REGISTRY.resolve("dapo", Map.of()).loss(tokens(m, w, a), LIVE);
            assertThat(dapo.perTokenLoss().toDoubleArray())
                    .containsExactly(new double[] {-1.28, -0.5, 1.5, 0.8, -1.1, -1.25}, within(1e-9));
            LossTerms live = REGISTRY.resolve("dapo", Map.of("live_clip", true)).loss(tokens(m, w, a), LIVE);
            assertThat(live.perTokenLoss().toDoubleArray())
                    .containsExactly(new double[] {-1.2, -0.5, 1.5, 0.8, -1.1, -1.2}, within(1e-9));
            Map<String, Double> metrics = new HashMap<>();
            Method method = REGISTRY.resolve("dapo", Map.of());
            LossInputs in = tokens(m, w, a);
            method.emitMetrics(in, method.loss(in, LIVE), LIVE, metrics::put);
            // only w = 1.5 with A > 0 passes 1 + 0.28 (1.25 would count under the live 0.2)
            assertThat(metrics.get("clip/frac_high")).isCloseTo(1.0 / 6, within(1e-9));
        }
    }

    /** §9.5 token-mean = 2.5 on a per-token loss −A·w with w = 1 and A = −L; no KL term although β = 0.5. */
    @Test
    void tokenMeanLossWithoutKl() {
        try (NDManager m = M.newSubManager()) {
            NDArray mask = m.create(new double[] {1, 1, 1, 0, 1, 0, 0, 0}, new Shape(2, 4));
            NDArray adv = m.create(new double[] {-1, -2, -3, 0, -4, 0, 0, 0}, new Shape(2, 4));
            NDArray logp = m.zeros(new Shape(2, 4), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray ref = logp.add(0.7);
            LossInputs in = new LossInputs(logp, logp, ref, mask, adv, null, GroupIndex.ofIds(0, 0));
            LossTerms t = REGISTRY.resolve("dapo", Map.of()).loss(in, LIVE);
            assertThat(t.policyLoss().getDouble()).isCloseTo(2.5, within(1e-12));
            assertThat(t.total().getDouble()).isCloseTo(2.5, within(1e-12));
            LossTerms kl = REGISTRY.resolve("dapo", Map.of("use_kl", true)).loss(in, LIVE);
            assertThat(kl.total().getDouble()).as("k3 KL with β 0.5").isGreaterThan(2.5);
        }
    }

    @Test
    void registryLoadsDapoWithItsParamsAndNamesTheClosestOnATypo() {
        assertThat(REGISTRY.find("dapo")).isPresent();
        assertThat(REGISTRY.statuses()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("dapo");
            assertThat(s.available()).isTrue();
        });
        List<String> names = REGISTRY.find("dapo").orElseThrow().params().stream().map(ParamSpec::name).toList();
        assertThat(names).containsExactly("eps_low", "eps_high", "live_clip", "dynamic_sampling", "max_gen_batches",
                "overlong_buffer", "l_cache", "penalty_factor", "use_kl");
        Method d = REGISTRY.resolve("dapo", Map.of());
        assertThat(d.params().getDouble("eps_high")).isEqualTo(0.28);
        assertThat(d.params().getInt("max_gen_batches")).isEqualTo(10);
        assertThat(d.params().getBoolean("use_kl")).isFalse();
        assertThatThrownBy(() -> REGISTRY.resolve("dapo", Map.of("eps_hihg", 0.3)))
                .hasMessageContaining("method 'dapo' has no parameter 'eps_hihg'")
                .hasMessageContaining("did you mean [eps_high]?");
        assertThatThrownBy(() -> REGISTRY.resolve("dapo", Map.of("l_cache", 0)))
                .hasMessageContaining("l_cache").hasMessageContaining("outside");
        assertThatThrownBy(() -> REGISTRY.resolve("dapa", Map.of())).hasMessageContaining("did you mean [dapo");
    }

    /** One row per token: ℓ = log w, ℓ^old = 0, advantage A. */
    private static LossInputs tokens(NDManager m, double[] w, double[] a) {
        double[] logW = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            logW[i] = Math.log(w[i]);
        }
        Shape s = new Shape(w.length, 1);
        NDArray logp = m.create(logW, s);
        int[] groups = new int[w.length];
        return new LossInputs(logp, m.zeros(s, logp.getDataType()), null, m.ones(s, logp.getDataType()),
                m.create(a, s), null, GroupIndex.ofIds(groups));
    }
}
