package io.grposcope.core.policy.token;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.grposcope.core.engine.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformerLMTest {

    private static final TransformerConfig SMALL = new TransformerConfig(32, 32, 4, 2, 16);

    @Test
    void parameterCountMatchesTheBenchModel() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLM lm = TransformerLM.initialize(m, new TransformerConfig(32, 128, 4, 2, 48), new Rng(1), false);
            assertThat(lm.parameterCount()).isEqualTo(411_136L);
            assertThat(lm.layers()).containsExactly("embed", "layer0", "layer1", "head");
        }
    }

    @Test
    void cachedAndUncachedLogitsAgree() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLM lm = TransformerLM.initialize(m, SMALL, new Rng(7), false);
            long[] ids = {1, 4, 5, 13, 6, 7, 16, 3, 9, 1, 8, 8, 12, 4, 5, 6, 2, 3, 10, 11};
            int rows = 2;
            int t = ids.length / rows;
            float[] full;
            try (NDManager sm = m.newSubManager()) {
                full = lm.logits(sm, TransformerLM.tokens(sm, ids, rows)).toFloatArray();
            }
            int prefill = 4;
            double maxDiff = 0;
            try (NDManager bm = m.newSubManager(); KvCache cache = new KvCache(bm, SMALL, rows)) {
                for (int pos = prefill - 1; pos < t; pos++) {
                    int from = pos == prefill - 1 ? 0 : pos;
                    long[] part = new long[rows * (pos + 1 - from)];
                    for (int r = 0; r < rows; r++) {
                        for (int k = from; k <= pos; k++) {
                            part[r * (pos + 1 - from) + k - from] = ids[r * t + k];
                        }
                    }
                    try (NDManager tm = bm.newSubManager()) {
                        float[] last = lm.logitsCached(tm, TransformerLM.tokens(tm, part, rows), cache).toFloatArray();
                        for (int r = 0; r < rows; r++) {
                            for (int v = 0; v < 32; v++) {
                                double d = Math.abs(last[r * 32 + v] - full[(r * t + pos) * 32 + v]);
                                maxDiff = Math.max(maxDiff, d);
                            }
                        }
                    }
                }
            }
            assertThat(maxDiff).isLessThan(1e-4);
        }
    }

    @Test
    void cachedAndUncachedSamplingChooseTheSameTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLM lm = TransformerLM.initialize(m, SMALL, new Rng(3), false);
            int[][] prompts = {{1, 4, 5, 6}, {1, 7, 8, 9}, {1, 3, 3, 3}};
            Sampler.Settings s = new Sampler.Settings(1.0, 0.9, 10, 2);
            Sampler.Result a = Sampler.sample(lm, m, prompts, s, new Rng(11), true);
            Sampler.Result b = Sampler.sample(lm, m, prompts, s, new Rng(11), false);
            assertThat(a.tokens()).isDeepEqualTo(b.tokens());
            assertThat(a.lengths()).containsExactly(b.lengths());
            for (int i = 0; i < prompts.length; i++) {
                for (int j = 0; j < a.lengths()[i]; j++) {
                    assertThat(a.logProbs()[i][j]).isCloseTo(b.logProbs()[i][j], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
        }
    }

    @Test
    void samplingLeavesNoArraysBehindAndRejectsLongSequences() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerLM lm = TransformerLM.initialize(m, SMALL, new Rng(3), false);
            int before = m.getManagedArrays().size();
            Sampler.sample(lm, m, new int[][] {{1, 4}}, new Sampler.Settings(1.0, 1.0, 8, 2), new Rng(1), true);
            assertThat(m.getManagedArrays().size()).isEqualTo(before);
            try (NDManager sm = m.newSubManager()) {
                NDArray tooLong = TransformerLM.tokens(sm, new long[17], 1);
                assertThatThrownBy(() -> lm.logits(sm, tooLong)).hasMessageContaining("context 16");
                NDArray ok = TransformerLM.tokens(sm, new long[16], 1);
                assertThat(lm.logits(sm, ok).get(new NDIndex("0, 0")).getShape().get(0)).isEqualTo(32);
            }
        }
    }
}
