package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.RolloutContext;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.token.Sampler;
import io.grposcope.core.policy.token.TransformerLM;
import io.grposcope.core.task.CharTokenizer;
import io.grposcope.core.task.TokenTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One GRPO step (Shao et al. 2024) through the method's hooks: rollout G completions per prompt → rewards →
 * sample filter (more rounds while the filter refills, DAPO) → shaped rewards (with lengths) → group advantages →
 * ℓ^old, ℓ^ref → PPO epochs × minibatches, each one optimizer step on the method's loss. The step's arrays live in
 * one sub-manager closed at the end.
 */
final class GrpoStep {

    private final TokenRunParts parts;
    private final TransformerLM reference;

    GrpoStep(TokenRunParts parts, TransformerLM reference) {
        this.parts = parts;
        this.reference = reference;
    }

    /**
     * Runs the step; the finished batch (plain arrays) is returned through {@code lastBatch[0]}. With
     * {@code applyUpdate} false everything is computed and reported but the optimizer takes no step.
     */
    StepRecord run(long step, int grpoIndex, TokenRunParts.Live live, TokenBatch[] lastBatch, boolean applyUpdate) {
        RunConfig c = parts.config();
        StepRecord.Builder r = StepRecord.builder(step, StepRecord.PHASE_GRPO);
        GrpoMetrics metrics = new GrpoMetrics(r, c, live.clipLow(), live.clipHigh());
        long t0 = System.nanoTime();
        double lr = LrSchedule.lr(c.optimizer(), live.lr(), grpoIndex, c.steps());
        try (NDManager sm = parts.runManager().newSubManager()) {
            DynamicSampling.Result sampled = DynamicSampling.collect(() -> rollout(sm, live, metrics),
                    parts.method().sampleFilter(), c.rollout().promptsPerStep());
            metrics.lap("reward");
            TokenBatch batch = sampled.batch();
            int[] keep = sampled.keep();
            samplingMetrics(sampled, r);
            if (keep.length == 0) {
                r.event(RunEvent.of(step, EventType.NON_FINITE, "sample filter kept no rows: update skipped"));
                lastBatch[0] = batch;
                return metrics.finish(batch, null, lr, t0);
            }
            batch = withAdvantages(sm, batch.select(keep), r);
            metrics.lap("adv");
            batch = withOldAndRef(sm, batch, live.temperature());
            metrics.lap("old_log_prob");
            PpoResult ppo = update(sm, batch, live.lossSettings(c), live.temperature(), lr, applyUpdate, step, r);
            metrics.lap("update_actor");
            lastBatch[0] = ppo.batch();
            return metrics.finish(ppo.batch(), ppo, lr, t0);
        }
    }

    /** The kept fraction whenever the filter dropped rows or refills; the generation rounds when it refills. */
    private static void samplingMetrics(DynamicSampling.Result s, StepRecord.Builder r) {
        if (s.refilled() || s.keptRows() < s.generatedRows()) {
            r.scalar("sample/kept_frac", s.keptFraction());
        }
        if (s.refilled()) {
            r.scalar("train/num_gen_batches", s.rounds());
        }
    }

    private TokenBatch rollout(NDManager sm, TokenRunParts.Live live, GrpoMetrics metrics) {
        TokenTask task = parts.task();
        int prompts = parts.config().rollout().promptsPerStep();
        double[] unknown = new double[prompts];
        Arrays.fill(unknown, Double.NaN);
        int[] sizes = parts.method().rolloutStrategy().groupSizes(unknown, live.groupSize());
        List<TokenTask.Problem> problems = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int j = 0; j < prompts; j++) {
            TokenTask.Problem p = task.sample(parts.rng());
            for (int k = 0; k < sizes[j]; k++) {
                problems.add(p);
                groups.add(j);
            }
        }
        int b = problems.size();
        int pl = 1 + task.promptLength();
        int[][] promptIds = new int[b][pl];
        for (int i = 0; i < b; i++) {
            promptIds[i][0] = CharTokenizer.BOS;
            System.arraycopy(CharTokenizer.encode(problems.get(i).prompt()), 0, promptIds[i], 1, pl - 1);
        }
        RunConfig.RolloutConfig rc = parts.config().rollout();
        Sampler.Settings s = new Sampler.Settings(live.temperature(), rc.topP(), rc.maxNewTokens(), CharTokenizer.EOS);
        Sampler.Result out = Sampler.sample(parts.policy(), sm, promptIds, s, parts.rng(), true);
        metrics.lap("gen");
        return score(problems, groups, promptIds, out);
    }

    private TokenBatch score(List<TokenTask.Problem> problems, List<Integer> groups, int[][] promptIds,
                             Sampler.Result out) {
        int b = problems.size();
        int pl = promptIds[0].length;
        int n = Math.max(1, out.maxLength());
        int[][] tokens = new int[b][pl + n];
        float[][] mask = new float[b][n];
        String[] prompts = new String[b];
        String[] completions = new String[b];
        double[] rewards = new double[b];
        boolean[] correct = new boolean[b];
        for (int i = 0; i < b; i++) {
            System.arraycopy(promptIds[i], 0, tokens[i], 0, pl);
            System.arraycopy(out.tokens()[i], 0, tokens[i], pl, n);
            Arrays.fill(mask[i], 0, out.lengths()[i], 1f);
            prompts[i] = problems.get(i).prompt();
            completions[i] = CharTokenizer.decode(out.tokens()[i], 0, out.lengths()[i]);
            TokenTask.Score sc = parts.task().score(problems.get(i), completions[i], out.terminated()[i]);
            rewards[i] = sc.reward();
            correct[i] = sc.correct();
        }
        int[] g = groups.stream().mapToInt(Integer::intValue).toArray();
        return new TokenBatch(pl, tokens, mask, prompts, completions, rewards, correct, g, new float[b], null, null,
                null, null, null, null);
    }

    private TokenBatch withAdvantages(NDManager sm, TokenBatch batch, StepRecord.Builder r) {
        float[] raw = new float[batch.rows()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) batch.rewards()[i];
        }
        GroupIndex groups = GroupIndex.ofIds(batch.groupIds());
        NDArray rewards = sm.create(raw, new Shape(raw.length));
        NDArray shaped = parts.method().rewardShaper().shape(rewards, groups, context(batch));
        r.scalar("reward/shaped_mean", shaped.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).mean().getDouble());
        float[] adv = parts.method().advantageEstimator().estimate(shaped, groups).toFloatArray();
        System.arraycopy(adv, 0, batch.advantages(), 0, adv.length);
        return batch;
    }

    private RolloutContext context(TokenBatch b) {
        return b.rolloutContext(parts.config().rollout().maxNewTokens());
    }

    private TokenBatch withOldAndRef(NDManager sm, TokenBatch batch, double temperature) {
        try (NDManager om = sm.newSubManager()) {
            NDArray[] old = SequenceScorer.score(parts.policy(), om, batch.tokens(), batch.promptLength(),
                    temperature, true);
            float[][] ref = null;
            if (reference != null) {
                ref = SequenceScorer.rows(SequenceScorer.score(reference, om, batch.tokens(), batch.promptLength(),
                        temperature, false)[0]);
            }
            return new TokenBatch(batch.promptLength(), batch.tokens(), batch.mask(), batch.prompts(),
                    batch.completions(), batch.rewards(), batch.correct(), batch.groupIds(), batch.advantages(),
                    SequenceScorer.rows(old[0]), ref, null, null, SequenceScorer.rows(old[1]), null);
        }
    }

    /** What the PPO loop measured, averaged over its minibatches where that makes sense. */
    record PpoResult(TokenBatch batch, MetricMeans means, float[][] logRatio, List<java.util.Map<String, Double>>
            layerNorms) {
    }

    private PpoResult update(NDManager sm, TokenBatch batch, LossSettings settings, double temperature, double lr,
                             boolean apply, long step, StepRecord.Builder r) {
        RunConfig.PpoConfig pc = parts.config().ppo();
        int b = batch.rows();
        int chunks = Math.max(1, Math.min(pc.minibatches(), b));
        MetricMeans means = new MetricMeans();
        List<java.util.Map<String, Double>> layers = new ArrayList<>();
        float[][] lp = new float[b][];
        float[][] w = new float[b][];
        float[][] logW = new float[b][];
        byte[][] clip = new byte[b][];
        for (int epoch = 0; epoch < Math.max(1, pc.epochs()); epoch++) {
            // one minibatch keeps the rollout's row order, so a replay of the batch sums in the same order (bit-exact)
            int[] order = chunks == 1 ? identity(b) : shuffled(b);
            for (int k = 0; k < chunks; k++) {
                int[] rows = Arrays.copyOfRange(order, k * b / chunks, (k + 1) * b / chunks);
                try (NDManager mm = sm.newSubManager()) {
                    Minibatch.Result res = Minibatch.run(mm, parts.policy(), parts.method(), batch.select(rows),
                            settings, temperature, parts.config().metrics().enabled());
                    Gradients g = Gradients.read(mm, parts.policy().parameters());
                    double norm = g.globalNorm();
                    double coef = Gradients.clipCoefficient(norm, parts.config().optimizer().gradClip());
                    if (!apply) {
                        // a skipped batch: gradients and metrics as usual, no optimizer step
                    } else if (Double.isFinite(res.loss()) && Double.isFinite(norm)) {
                        parts.adam().step(mm, parts.policy().parameters(), g.arrays(), lr, coef);
                    } else {
                        r.event(RunEvent.of(step, EventType.NON_FINITE, "loss " + res.loss() + ", grad norm " + norm
                                + " in epoch " + epoch + " minibatch " + k + ": optimizer step skipped"));
                    }
                    g.zero();
                    means.add(res.metrics());
                    means.add("grad/norm", norm);
                    means.max("grad/norm_max", norm);
                    means.add("grad/clip_coef", coef);
                    layers.add(g.layerNorms(parts.policy().parameters()));
                    for (int i = 0; i < rows.length; i++) {
                        lp[rows[i]] = res.logProbs()[i];
                        w[rows[i]] = res.ratio()[i];
                        logW[rows[i]] = res.logRatio()[i];
                        clip[rows[i]] = res.clipState()[i];
                    }
                }
            }
        }
        if (!apply) {
            r.event(RunEvent.of(step, EventType.SKIP, "batch of step " + step + " skipped: scored and differentiated, "
                    + "no optimizer step"));
        }
        return new PpoResult(batch.withTraining(lp, w, batch.entropy(), clip), means, logW, layers);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private int[] shuffled(int n) {
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = parts.rng().nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }
}
