package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random branch trees with gaps and non-finite values, checked against an in-memory model of what was written:
 * raw reads return exactly the lineage's points, and every bucket of a downsampled read agrees with the model.
 */
class SeriesConsistencyTest {

    @TempDir
    Path dir;

    @Test
    void readsAgreeWithAModelOfTheWrittenLineages() {
        Random rnd = new Random(20261126);
        try (RunStore store = RunStore.open(dir.resolve("m.db"))) {
            RunIds root = store.createRun(RunConfig.defaults(), "model");
            Map<Long, NavigableMap<Long, Double>> lineagePoints = new TreeMap<>();
            lineagePoints.put(root.branchId(), new TreeMap<>());
            List<Long> branches = new ArrayList<>(List.of(root.branchId()));
            try (StoreWriter w = store.writer(root)) {
                long step = 0;
                for (int round = 0; round < 6; round++) {
                    long branch = branches.get(branches.size() - 1);
                    NavigableMap<Long, Double> lineage = lineagePoints.get(branch);
                    for (int i = 0; i < 1500; i++) {
                        step += 1 + (rnd.nextInt(10) == 0 ? rnd.nextInt(300) : 0);
                        double v = value(rnd);
                        w.onStep(StepRecord.builder(step, "grpo").scalar("x", v).build());
                        lineage.put(step, v);
                    }
                    w.flush();
                    long parent = branches.get(rnd.nextInt(branches.size()));
                    NavigableMap<Long, Double> parentLineage = lineagePoints.get(parent);
                    long fork = parentLineage.isEmpty() ? 0 : randomKey(parentLineage, rnd);
                    long child = store.branch(root.runId(), parent, fork, null);
                    lineagePoints.put(child, new TreeMap<>(parentLineage.headMap(fork, true)));
                    branches.add(child);
                    w.setBranch(child);
                    step = fork;
                }
            }
            for (long b : branches) {
                check(store, new RunIds(root.runId(), b), lineagePoints.get(b), rnd);
            }
        }
    }

    private static void check(RunStore store, RunIds ids, NavigableMap<Long, Double> model, Random rnd) {
        RawSeries all = store.rawSeries(ids, "x", Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.steps()).containsExactly(model.keySet().stream().mapToLong(Long::longValue).toArray());
        assertThat(all.values()).containsExactly(model.values().stream().mapToDouble(Double::doubleValue).toArray());
        for (int q = 0; q < 20 && !model.isEmpty(); q++) {
            long a = randomKey(model, rnd) - rnd.nextInt(50);
            long b = a + rnd.nextInt(20_000);
            int buckets = 1 + rnd.nextInt(q % 2 == 0 ? 20 : 3000);
            checkBuckets(store.series(ids, "x", a, b, buckets), model.subMap(a, true, b, true), buckets);
        }
    }

    private static void checkBuckets(SeriesBuckets s, NavigableMap<Long, Double> expect, int buckets) {
        assertThat(s.size()).isLessThanOrEqualTo(buckets);
        assertThat(s.totalCount()).isEqualTo(expect.size());
        long prevLast = Long.MIN_VALUE;
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.firstStep()[i]).isGreaterThan(prevLast);
            prevLast = s.lastStep()[i];
            NavigableMap<Long, Double> in = expect.subMap(s.firstStep()[i], true, s.lastStep()[i], true);
            assertThat(in.firstKey()).isEqualTo(s.firstStep()[i]);
            assertThat(in.lastKey()).isEqualTo(s.lastStep()[i]);
            assertThat(s.count()[i]).isEqualTo(in.size());
            double[] finite = in.values().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            assertThat(s.nonFinite()[i]).isEqualTo(in.size() - finite.length);
            same(s.min()[i], finite.length == 0 ? Double.NaN : min(finite));
            same(s.max()[i], finite.length == 0 ? Double.NaN : max(finite));
            same(s.last()[i], in.lastEntry().getValue());
        }
        if (!expect.isEmpty()) {
            assertThat(s.newestStep()).isEqualTo(expect.lastKey());
        }
    }

    /** Equal, counting NaN as equal to NaN. */
    private static void same(double actual, double expected) {
        assertThat(Double.compare(actual, expected)).as("%s vs expected %s", actual, expected).isZero();
    }

    private static double value(Random rnd) {
        return switch (rnd.nextInt(40)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            default -> rnd.nextGaussian() * 10;
        };
    }

    private static long randomKey(NavigableMap<Long, Double> m, Random rnd) {
        long lo = m.firstKey();
        long hi = m.lastKey();
        Long k = m.ceilingKey(lo + (long) (rnd.nextDouble() * (hi - lo + 1)));
        return k == null ? hi : k;
    }

    private static double min(double[] xs) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : xs) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }
}
