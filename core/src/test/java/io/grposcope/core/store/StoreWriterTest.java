package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class StoreWriterTest {

    @TempDir
    Path dir;

    @Test
    void fullQueueMakesTheProducerWaitAndIsStoredAsBackpressureNeverDropping() throws Exception {
        Path db = dir.resolve("bp.db");
        try (RunStore store = RunStore.open(db)) {
            RunIds ids = store.createRun(RunConfig.defaults(), "bp");
            try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = blocker.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("BEGIN IMMEDIATE");
                StoreWriter w = store.writer(ids, 4, 250);
                Thread producer = new Thread(() -> {
                    for (long step = 0; step < 50; step++) {
                        w.onStep(StepRecord.builder(step, "grpo").scalar("loss", step).build());
                    }
                });
                producer.start();
                Thread.sleep(700);
                assertThat(producer.isAlive()).as("producer waits while the database is locked").isTrue();
                s.execute("COMMIT");
                producer.join(30_000);
                w.close();
                assertThat(w.backpressureSteps()).isPositive();
            }
            assertThat(store.rawSeries(ids, "loss", 0, 100).size()).isEqualTo(50);
            assertThat(store.events(ids, 0, 100)).extracting(RunEvent::type).contains(EventType.BACKPRESSURE);
            long waited = store.events(ids, 0, 100).stream().filter(e -> e.type() == EventType.BACKPRESSURE)
                    .mapToLong(e -> Long.parseLong(e.data().get("waited_ms"))).sum();
            assertThat(waited).as("milliseconds the producer waited, summed over BACKPRESSURE events")
                    .isGreaterThan(100);
        }
    }

    @Test
    void stepsBecomeVisibleWithoutExplicitFlush() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("f.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "f");
            try (StoreWriter w = store.writer(ids)) {
                w.onStep(StepRecord.builder(0, "grpo").scalar("loss", 1).build());
                long deadline = System.currentTimeMillis() + 10_000;
                while (store.rawSeries(ids, "loss", 0, 0).size() == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(store.rawSeries(ids, "loss", 0, 0).size()).isEqualTo(1);
                assertThat(w.committedSteps()).isEqualTo(1);
            }
        }
    }

    @Test
    void outOfOrderAndRepeatedStepsKeepChunksConsistent() {
        try (RunStore store = RunStore.open(dir.resolve("o.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "o");
            try (StoreWriter w = store.writer(ids)) {
                for (long s : new long[] {600, 5, 300, 5, 1000, 7}) {
                    w.onStep(StepRecord.builder(s, "grpo").scalar("x", s).build());
                    w.flush();
                }
            }
            try (StoreWriter w = store.writer(ids)) {
                w.onStep(StepRecord.builder(6, "grpo").scalar("x", 6).build());
                w.onStep(StepRecord.builder(1001, "grpo").scalar("x", 1001).build());
            }
            RawSeries r = store.rawSeries(ids, "x", 0, 2000);
            assertThat(r.steps()).containsExactly(5, 6, 7, 300, 600, 1000, 1001);
            SeriesBuckets b = store.series(ids, "x", 0, 2000, 1);
            assertThat(b.totalCount()).isEqualTo(7);
            assertThat(b.max()[0]).isEqualTo(1001);
            assertThat(b.mean()[0]).isEqualTo((5 + 6 + 7 + 300 + 600 + 1000 + 1001) / 7.0);
        }
    }
}
