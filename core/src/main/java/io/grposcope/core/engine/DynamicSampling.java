package io.grposcope.core.engine;

import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.SampleFilter;
import io.grposcope.core.task.CharTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The method's {@link SampleFilter} applied to a step's rollouts. Filter only, or DAPO dynamic sampling (Yu et al.
 * 2025, methods-spec §2.3, verl recipe): keep generating rounds and collecting the kept groups until there are as
 * many as one round samples, truncate to exactly that many, and fail after the filter's round limit.
 */
final class DynamicSampling {

    /** The rows to train on and what it cost: rounds generated, rows generated and rows kept over all rounds. */
    record Result(TokenBatch batch, int[] keep, int rounds, int generatedRows, int keptRows, boolean refilled) {

        double keptFraction() {
            return generatedRows == 0 ? Double.NaN : (double) keptRows / generatedRows;
        }
    }

    private DynamicSampling() {
    }

    /** Rolls out with {@code rollout} (each call a fresh round of {@code wanted} prompts) and filters. */
    static Result collect(Supplier<TokenBatch> rollout, SampleFilter filter, int wanted) {
        OptionalInt limit = filter.refillRounds();
        List<TokenBatch> kept = new ArrayList<>();
        int groups = 0;
        int generated = 0;
        int keptRows = 0;
        for (int round = 1; ; round++) {
            TokenBatch batch = rollout.get();
            int[] keep = filter.keep(batch.rewards(), GroupIndex.ofIds(batch.groupIds()));
            generated += batch.rows();
            keptRows += keep.length;
            if (limit.isEmpty()) {
                return new Result(batch, keep, 1, generated, keptRows, false);
            }
            TokenBatch k = batch.select(keep);
            kept.add(k);
            groups += distinctGroups(k.groupIds());
            if (groups >= wanted) {
                TokenBatch all = firstGroups(kept, wanted);
                return new Result(all, identity(all.rows()), round, generated, keptRows, true);
            }
            int max = limit.getAsInt();
            if (max > 0 && round >= max) {
                throw new IllegalStateException("dynamic sampling kept " + groups + " of the " + wanted
                        + " groups it needs after " + round + " generation rounds (max_gen_batches = " + max
                        + "): too many groups have all-equal rewards; raise max_gen_batches, set it to 0 (no "
                        + "limit), or turn dynamic_sampling off");
            }
        }
    }

    /** The kept rows of the first {@code wanted} groups over all rounds, groups renumbered 0.. in order. */
    static TokenBatch firstGroups(List<TokenBatch> rounds, int wanted) {
        List<TokenBatch> parts = new ArrayList<>();
        Map<Long, Integer> ids = new LinkedHashMap<>();
        List<Integer> newIds = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            TokenBatch b = rounds.get(r);
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < b.rows(); i++) {
                long key = ((long) r << 32) | (b.groupIds()[i] & 0xffffffffL);
                Integer id = ids.get(key);
                if (id == null && ids.size() < wanted) {
                    id = ids.size();
                    ids.put(key, id);
                }
                if (id != null) {
                    rows.add(i);
                    newIds.add(id);
                }
            }
            if (!rows.isEmpty()) {
                parts.add(b.select(rows.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return concat(parts, newIds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rollout batches (before training: no log-probs yet) stacked row-wise, padded to the longest completion. */
    static TokenBatch concat(List<TokenBatch> parts, int[] groupIds) {
        int n = parts.stream().mapToInt(TokenBatch::completionLength).max().orElse(1);
        int pl = parts.get(0).promptLength();
        List<int[]> tokens = new ArrayList<>();
        List<float[]> mask = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        List<String> completions = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (TokenBatch b : parts) {
            for (int i = 0; i < b.rows(); i++) {
                int[] t = Arrays.copyOf(b.tokens()[i], pl + n);
                Arrays.fill(t, b.tokens()[i].length, t.length, CharTokenizer.EOS);
                tokens.add(t);
                mask.add(Arrays.copyOf(b.mask()[i], n));
                prompts.add(b.prompts()[i]);
                completions.add(b.completions()[i]);
                rewards.add(b.rewards()[i]);
                correct.add(b.correct()[i]);
            }
        }
        int rows = tokens.size();
        boolean[] c = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = correct.get(i);
        }
        return new TokenBatch(pl, tokens.toArray(new int[0][]), mask.toArray(new float[0][]),
                prompts.toArray(new String[0]), completions.toArray(new String[0]),
                rewards.stream().mapToDouble(Double::doubleValue).toArray(), c, groupIds, new float[rows], null, null,
                null, null, null, null);
    }

    private static int distinctGroups(int[] ids) {
        return (int) Arrays.stream(ids).distinct().count();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
