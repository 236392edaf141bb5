package io.grposcope.app.ui.browser;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRunLoaderTest {

    @Test
    void loadsEveryScalarHistogramLayerNormAndEventOfAStoredRun(@TempDir Path dir) {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "stored");
            try (StoreWriter w = store.writer(ids)) {
                for (long s = 1; s <= 300; s++) {
                    w.onStep(StepRecord.builder(s, StepRecord.PHASE_GRPO)
                            .scalar("reward/mean", s == 123 ? Double.NaN : s * 0.01)
                            .histogram("log_ratio", Histogram.of(Histogram.linearEdges(-0.5, 0.5, 8),
                                    new float[] {0.01f * (s % 7), -0.2f}))
                            .layerNorm("embed", s).layerNorm("head", 2.0).build());
                }
                w.onEvent(RunEvent.paramChange(150, "lr", 3e-4, 1e-4));
                w.flush();
            }
            List<Double> progress = new ArrayList<>();
            RunData d = StoredRunLoader.load(store, ids, "stored", progress::add);
            assertThat(d.series("reward/mean").size()).isEqualTo(300);
            assertThat(d.series("reward/mean").valueAt(299)).isEqualTo(3.0f);
            assertThat(d.series("reward/mean").nonFiniteCount()).isEqualTo(1);
            assertThat(d.histogram("log_ratio").buffer().size()).isEqualTo(300);
            float total = 0;
            for (float v : d.histogram("log_ratio").buffer().column(0)) {
                total += v;
            }
            assertThat(total).isEqualTo(2f);
            assertThat(d.layerNorms().rowNames()).containsExactly("embed", "head");
            assertThat(d.eventsOf(EventType.PARAM_CHANGE)).hasSize(1);
            assertThat(d.lastStep()).isEqualTo(300);
            assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
        }
    }
}
