package io.grposcope.core.store;

import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;

/** Step records for store tests: value of tag "loss" at step s is {@code s * 0.5}, "reward/mean" is {@code s}. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static StepRecord step(long s) {
        return StepRecord.builder(s, StepRecord.PHASE_GRPO)
                .scalar("loss", s * 0.5)
                .scalar("reward/mean", s)
                .histogram("ratio", Histogram.of(Histogram.linearEdges(-1, 1, 4), new float[] {-0.9f, 0.1f, 0.2f}))
                .layerNorm("embed", s + 0.25)
                .layerNorm("block0", s + 0.75)
                .sample(new SampleRow(0, 0, "1+1=", "2", 1.0, 0.5, 1))
                .build();
    }
}
