package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteRunStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryKindOfStepData() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "first");
            try (StoreWriter w = store.writer(ids)) {
                for (long s = 1; s <= 300; s++) {
                    w.onStep(StoreFixtures.step(s));
                }
                w.onEvent(RunEvent.paramChange(300, "lr", 0.1, 0.2));
                w.flush();
            }
            RawSeries raw = store.rawSeries(ids, "loss", 1, 300);
            assertThat(raw.size()).isEqualTo(300);
            assertThat(raw.values()[9]).isEqualTo(5.0);
            SeriesBuckets b = store.series(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 10);
            assertThat(b.size()).isLessThanOrEqualTo(10);
            assertThat(b.totalCount()).isEqualTo(300);
            assertThat(b.newestStep()).isEqualTo(300);
            assertThat(b.newestValue()).isEqualTo(150.0);
            assertThat(b.min()[0]).isEqualTo(0.5);
            HistogramMatrix h = store.histogramMatrix(ids, "ratio", 1, 300, 0);
            assertThat(h.rows()).isEqualTo(300);
            assertThat(h.counts()[0]).containsExactly(1, 0, 2, 0);
            LayerNormMatrix ln = store.layerNormMatrix(ids, 1, 300);
            assertThat(ln.layers()).containsExactly("embed", "block0");
            assertThat(ln.values()[1][0]).isEqualTo(1.75);
            assertThat(store.samples(ids, 7)).hasSize(1);
            assertThat(store.events(ids, 0, 1000)).extracting(RunEvent::type).containsExactly(EventType.PARAM_CHANGE);
            assertThat(store.events(ids, 0, 1000).get(0).data()).containsEntry("new", "0.2");
            assertThat(store.tags(ids.runId())).containsExactly("loss", "reward/mean");
            assertThat(store.runs()).singleElement().satisfies(r -> {
                assertThat(r.lastStep()).isEqualTo(300);
                assertThat(r.lastReward()).isEqualTo(300.0);
                assertThat(r.method()).isEqualTo("grpo");
            });
            assertThat(store.config(ids.runId())).contains(RunConfig.defaults());
        }
    }

    @Test
    void nonFiniteValuesRoundTripExactly() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "nf");
            double[] vals = {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 2.5};
            try (StoreWriter w = store.writer(ids)) {
                for (int i = 0; i < vals.length; i++) {
                    w.onStep(StepRecord.builder(i, "grpo").scalar("x", vals[i]).build());
                }
            }
            assertThat(store.rawSeries(ids, "x", 0, 10).values()).containsExactly(vals);
            SeriesBuckets b = store.series(ids, "x", 0, 10, 1);
            assertThat(b.nonFinite()[0]).isEqualTo(3);
            assertThat(b.min()[0]).isEqualTo(-0.0);
            assertThat(b.max()[0]).isEqualTo(2.5);
            assertThat(b.mean()[0]).isEqualTo(4.0 / 3);
        }
    }

    @Test
    void branchSharesHistoryUpToForkStep() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds root = store.createRun(RunConfig.defaults(), "tree");
            try (StoreWriter w = store.writer(root)) {
                for (long s = 1; s <= 200; s++) {
                    w.onStep(StoreFixtures.step(s));
                }
                w.flush();
                long child = store.branch(root.runId(), root.branchId(), 100, "retry");
                w.setBranch(child);
                for (long s = 101; s <= 150; s++) {
                    w.onStep(StepRecord.builder(s, "grpo").scalar("loss", -s).build());
                }
                w.flush();
                RunIds childIds = new RunIds(root.runId(), child);
                RawSeries r = store.rawSeries(childIds, "loss", Long.MIN_VALUE, Long.MAX_VALUE);
                assertThat(r.size()).isEqualTo(150);
                assertThat(r.values()[99]).isEqualTo(50.0);
                assertThat(r.values()[100]).isEqualTo(-101.0);
                assertThat(store.rawSeries(root, "loss", 101, 101).values()).containsExactly(50.5);
                assertThat(store.lineage(child)).containsExactly(new LineageSegment(child, 101, Long.MAX_VALUE),
                        new LineageSegment(root.branchId(), Long.MIN_VALUE, 100));
                SeriesBuckets b = store.series(childIds, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 3);
                assertThat(b.totalCount()).isEqualTo(150);
                assertThat(b.newestValue()).isEqualTo(-150.0);
                assertThat(store.branches(root.runId())).hasSize(2);
            }
        }
    }

    @Test
    void downsampledBucketsAgreeWithRawPoints() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "big");
            int n = 20_000;
            try (StoreWriter w = store.writer(ids)) {
                for (int s = 0; s < n; s++) {
                    w.onStep(StepRecord.builder(s, "grpo").scalar("v", Math.sin(s * 0.01) + (s == 12_345 ? 50 : 0))
                            .build());
                }
            }
            SeriesBuckets b = store.series(ids, "v", 1000, 17_999, 100);
            RawSeries raw = store.rawSeries(ids, "v", 1000, 17_999);
            assertThat(b.size()).isLessThanOrEqualTo(100);
            assertThat(b.totalCount()).isEqualTo(raw.size());
            for (int i = 0; i < b.size(); i++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < raw.size(); k++) {
                    if (raw.steps()[k] >= b.firstStep()[i] && raw.steps()[k] <= b.lastStep()[i]) {
                        min = Math.min(min, raw.values()[k]);
                        max = Math.max(max, raw.values()[k]);
                    }
                }
                assertThat(b.min()[i]).isEqualTo(min);
                assertThat(b.max()[i]).isEqualTo(max);
            }
            assertThat(b.max()).contains(Math.sin(123.45) + 50);
            assertThat(b.newestStep()).isEqualTo(17_999);
        }
    }

    @Test
    void capturesAndCheckpointsFollowLineage() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "cap");
            long cap = store.addCapturedBatch(ids, 5, "token-rollout", "{\"g\":8}", new byte[] {1, 2, 3});
            store.addCheckpoint(ids, 5, Path.of("/tmp/ck5"));
            store.addCheckpoint(ids, 9, Path.of("/tmp/ck9"));
            long child = store.branch(ids.runId(), ids.branchId(), 6, null);
            List<Checkpoint> cps = store.checkpoints(new RunIds(ids.runId(), child));
            assertThat(cps).extracting(Checkpoint::step).containsExactly(5L);
            assertThat(store.capturedBatch(cap).orElseThrow().blob()).containsExactly(1, 2, 3);
            assertThat(store.capturedBatches(new RunIds(ids.runId(), child))).singleElement()
                    .satisfies(c -> assertThat(c.json()).isEqualTo("{\"g\":8}"));
        }
    }
}
