package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreReliabilityTest {

    /** Scheduling slack on a loaded machine on top of the writer's flush interval. */
    private static final long SLACK_MILLIS = 750;

    @TempDir
    Path dir;

    @Test
    void sigkilledWriterLeavesIntactDatabaseWithEveryStepUpToLastFlush() throws Exception {
        Path db = dir.resolve("crash.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), db.toString()).redirectErrorStream(true).start();
        ConcurrentLinkedDeque<long[]> handed = new ConcurrentLinkedDeque<>();
        Thread pump = new Thread(() -> readSteps(child, handed));
        pump.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (handed.size() < 1500 && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(handed.size()).as("child wrote steps").isGreaterThanOrEqualTo(1500);
        long killedAt = System.currentTimeMillis();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pump.join();

        long mustHave = -1;
        for (long[] h : handed) {
            if (h[1] <= killedAt - StoreWriter.DEFAULT_FLUSH_MILLIS - SLACK_MILLIS) {
                mustHave = Math.max(mustHave, h[0]);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (RunStore store = RunStore.open(db)) {
            RunIds ids = new RunIds(1, store.runs().get(0).rootBranchId());
            RawSeries loss = store.rawSeries(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE);
            long stored = loss.size();
            assertThat(stored).as("steps stored").isGreaterThan(mustHave);
            for (int i = 0; i < stored; i++) {
                assertThat(loss.steps()[i]).isEqualTo(i);
                assertThat(loss.values()[i]).isEqualTo(i);
            }
            assertThat(store.steps(ids, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize((int) stored);
            assertThat(store.layerNormMatrix(ids, Long.MIN_VALUE, Long.MAX_VALUE).steps()).hasSize((int) stored);
            System.out.printf("crash test: %d steps handed over, %d stored, required >= %d%n", handed.size(),
                    stored, mustHave + 1);
        }
    }

    private static void readSteps(Process child, ConcurrentLinkedDeque<long[]> handed) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    handed.add(new long[] {Long.parseLong(line.trim()), System.currentTimeMillis()});
                }
            }
        } catch (Exception e) {
            // the child was killed mid-line: what was read is what counts
        }
    }

    @Test
    void concurrentReaderSeesConsistentPrefixes() throws Exception {
        Path db = dir.resolve("live.db");
        try (RunStore store = RunStore.open(db); RunStore other = RunStore.open(db)) {
            RunIds ids = store.createRun(RunConfig.defaults(), "live");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Long> seen = new ArrayList<>();
            try (StoreWriter w = store.writer(ids, 64, 20)) {
                Thread reader = new Thread(() -> {
                    try {
                        long prev = -1;
                        while (prev < 2999) {
                            RawSeries a = other.rawSeries(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE);
                            for (int i = 0; i < a.size(); i++) {
                                assertThat(a.steps()[i]).isEqualTo(i);
                            }
                            SeriesBuckets b = other.series(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 7);
                            assertThat(b.totalCount()).isEqualTo(b.newestStep() + 1);
                            assertThat(a.size() - 1L).isGreaterThanOrEqualTo(prev);
                            prev = Math.max(prev, b.newestStep());
                            seen.add(prev);
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
                reader.start();
                for (long s = 0; s < 3000; s++) {
                    w.onStep(StepRecord.builder(s, "grpo").scalar("loss", s).build());
                }
                w.flush();
                reader.join(60_000);
            }
            assertThat(failure.get()).isNull();
            assertThat(seen).hasSizeGreaterThan(1).last().isEqualTo(2999L);
        }
    }

    @Test
    void twoOpenersOfANewWorkspaceDoNotBothMigrateIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path db = dir.resolve("race" + round + ".db");
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable opener = () -> {
                try {
                    start.await();
                    RunStore.open(db).close();
                } catch (Throwable t) {
                    failure.set(t);
                }
            };
            Thread a = new Thread(opener);
            Thread b = new Thread(opener);
            a.start();
            b.start();
            a.join();
            b.join();
            assertThat(failure.get()).isNull();
        }
    }

    @Test
    void nonSqliteFileIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("notes.db");
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        Files.write(db, junk);
        assertThatThrownBy(() -> RunStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a SQLite database").hasMessageContaining(db.toString());
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
    }

    @Test
    void damagedSqliteFileIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("damaged.db");
        byte[] bytes = new byte[8192];
        new Random(3).nextBytes(bytes);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(db, bytes);
        assertThatThrownBy(() -> RunStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("left unchanged");
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(Files.exists(dir.resolve("damaged.db-wal"))).isFalse();
    }

    @Test
    void foreignSqliteDatabaseIsNotTurnedIntoAWorkspace() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE contacts(name TEXT)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> RunStore.open(db)).hasMessageContaining("not a GRPO Scope workspace");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void newerSchemaIsRefusedNotMigratedDown() throws Exception {
        Path db = dir.resolve("future.db");
        RunStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version(version) VALUES (99)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> RunStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer GRPO Scope").hasMessageContaining("schema version 99");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void olderSchemaIsMigratedForwardKeepingData() throws Exception {
        Path db = dir.resolve("old.db");
        try (RunStore store = RunStore.open(db)) {
            store.createRun(RunConfig.defaults(), "kept");
        }
        List<String> next = new ArrayList<>(Schema.MIGRATIONS);
        next.add("ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT 'migrated'");
        try (RunStore store = SqliteRunStore.open(db, next)) {
            assertThat(store.runs()).extracting(RunSummary::name).containsExactly("kept");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT max(version) FROM schema_version), note FROM runs")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Schema.MIGRATIONS.size() + 1);
            assertThat(rs.getString(2)).isEqualTo("migrated");
        }
    }
}
