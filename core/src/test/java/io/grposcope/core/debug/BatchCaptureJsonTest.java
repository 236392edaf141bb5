package io.grposcope.core.debug;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchCaptureJsonTest {

    @Test
    void roundTripKeepsEveryValueIncludingNonFiniteOnes() {
        BatchCapture c = CaptureFixtures.smallBatch(42);
        BatchCapture back = BatchCaptureJson.read(BatchCaptureJson.write(c));
        assertThat(back).isEqualTo(c);
        assertThat(back.sample(2).ratio()[1]).isNaN();
        assertThat(back.layerGradNorms().keySet()).containsExactly("embed", "block0", "head");
        assertThat(back.group(1)).extracting(CapturedSample::index).containsExactly(2, 3);
    }

    @Test
    void fileSinkStoresListsAndLoads(@TempDir Path dir) {
        FileCaptureSink sink = new FileCaptureSink(dir);
        sink.store(CaptureFixtures.smallBatch(9));
        sink.store(CaptureFixtures.smallBatch(3));
        assertThat(sink.list()).extracting(CaptureSink.Entry::step).containsExactly(3L, 9L);
        assertThat(sink.load(9)).contains(CaptureFixtures.smallBatch(9));
        assertThat(sink.load(4)).isEmpty();
    }

    @Test
    void clipStateIsSignAware() {
        assertThat(ClipState.of(1.5, 1, 0.2, 0.28, 3)).isEqualTo(ClipState.HIGH);
        assertThat(ClipState.of(1.5, -1, 0.2, 0.28, 3)).isEqualTo(ClipState.NONE);
        assertThat(ClipState.of(0.5, -1, 0.2, 0.28, 3)).isEqualTo(ClipState.LOW);
        assertThat(ClipState.of(0.5, 1, 0.2, 0.28, 3)).isEqualTo(ClipState.NONE);
        assertThat(ClipState.of(5, -1, 0.2, 0.28, 3)).isEqualTo(ClipState.DUAL);
    }

    @Test
    void mismatchedTokenArraysAreRejectedWithTheFieldName() {
        assertThatThrownBy(() -> new CapturedSample(0, 0, "p", "c", new int[0], new int[]{1, 2}, null, 0, 0,
                new float[2], new float[2], new float[2], new float[1], new float[2], new byte[2]))
                .hasMessageContaining("ratio has 1 entries for 2 response tokens");
    }

    @Test
    void attributionRejectsAMismatchedReplay() {
        BatchCapture c = CaptureFixtures.smallBatch(1);
        ReplayResult r = new ReplayResult(0, 1, java.util.Map.of(), new double[]{1, 2});
        assertThatThrownBy(() -> SampleAttribution.rank(c, r)).hasMessageContaining("2 per-sample norms for 4");
        ReplayResult ok = new ReplayResult(0, 1, java.util.Map.of(), new double[]{1, Double.NaN, 6, 3});
        assertThat(SampleAttribution.rank(c, ok)).extracting(SampleAttribution::index).containsExactly(1, 2, 3, 0);
        assertThat(SampleAttribution.rank(c, ok).get(1).share()).isEqualTo(0.6);
    }

    @Test
    void aRebuiltBatchGivesReplaysTheSameRolloutContextAsTheEngine() {
        BatchCapture c = CaptureFixtures.smallBatch(7);
        io.grposcope.core.algo.spi.RolloutContext ctx = TokenCaptures.batch(c).rolloutContext(8);
        org.assertj.core.api.Assertions.assertThat(ctx.rows()).isEqualTo(c.samples().size());
        for (int i = 0; i < ctx.rows(); i++) {
            CapturedSample s = c.samples().get(i);
            boolean cut = s.length() > 0
                    && s.responseTokens()[s.length() - 1] != io.grposcope.core.task.CharTokenizer.EOS;
            org.assertj.core.api.Assertions.assertThat(ctx.lengths()[i]).isEqualTo(s.length());
            org.assertj.core.api.Assertions.assertThat(ctx.truncated()[i]).as("sample %d", i).isEqualTo(cut);
        }
        org.assertj.core.api.Assertions.assertThat(ctx.maxNewTokens()).isEqualTo(8);
    }
}
