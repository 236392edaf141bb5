package io.grposcope.core.debug;

import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.engine.flow.FlowTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Converts what a flow run's GRPO update saw ({@link FlowTrace}) into a {@link BatchCapture} and back. Sample i is
 * row i of every trained step's slice: one SDE trajectory for Flow-GRPO, or seed × branch for TempFlow, whose
 * rows are separate branches at each step. Per step the sample keeps log p (= old + raw log-ratio), log p_old,
 * the clipped ratio w as the loss used it, its clip state, reward, advantage and KL term; the round trip gives
 * the rollout the loss saw exactly.
 */
public final class FlowCaptures {

    /** Capture parameters that record how the step's update was split (a replay is one full-batch gradient). */
    public static final String MINIBATCHES = "minibatches";
    public static final String EPOCHS = "epochs";

    /** A rollout rebuilt from a capture: the batch and the trained steps, in slice order. */
    public record Rollout(FlowBatch batch, int[] trainedSteps) {
    }

    private FlowCaptures() {
    }

    /**
     * @param promptText describes prompt c for a person (the task's wording)
     */
    public static BatchCapture capture(FlowTrace t, long step, String methodId, Map<String, Double> params,
                                       double loss, double gradNorm, Map<String, Double> layerNorms,
                                       IntFunction<String> promptText) {
        FlowBatch b = t.batch();
        int rows = b.slices().isEmpty() ? 0 : b.slices().get(0).rows();
        List<CapturedSample> samples = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            samples.add(sample(t, i, promptText));
        }
        Map<String, Double> p = new LinkedHashMap<>(params);
        p.put(MINIBATCHES, (double) t.minibatches());
        p.put(EPOCHS, (double) t.epochs());
        return new BatchCapture(step, BatchCapture.KIND_FLOW, methodId, p, loss, gradNorm, layerNorms, samples);
    }

    private static CapturedSample sample(FlowTrace t, int i, IntFunction<String> promptText) {
        List<StepSlice> slices = t.batch().slices();
        int n = slices.size();
        int[] ks = new int[n];
        String[] text = new String[n];
        float[][] x = new float[n][];
        float[][] next = new float[n][];
        float[][] oldMean = new float[n][];
        float[] rewards = new float[n];
        long[] keys = new long[n];
        float[] adv = new float[n];
        float[] kl = new float[n];
        float[] logp = new float[n];
        float[] old = new float[n];
        float[] ratio = new float[n];
        byte[] clip = new byte[n];
        double rewardSum = 0;
        double advSum = 0;
        for (int j = 0; j < n; j++) {
            StepSlice s = slices.get(j);
            ks[j] = s.step();
            text[j] = "t" + s.step();
            x[j] = s.x()[i].clone();
            next[j] = s.next()[i].clone();
            oldMean[j] = s.oldMean()[i].clone();
            rewards[j] = s.rewards()[i];
            keys[j] = s.groupKeys()[i];
            adv[j] = t.advantages(j)[i];
            kl[j] = t.kl(j, i);
            old[j] = s.oldLogProb()[i];
            logp[j] = old[j] + t.rawLogRatio(j, i);
            ratio[j] = (float) Math.exp(t.logRatio(j, i));
            clip[j] = (byte) ClipState.of(ratio[j], adv[j], t.clipLow(), t.clipHigh(), Double.POSITIVE_INFINITY)
                    .ordinal();
            rewardSum += rewards[j];
            advSum += adv[j];
        }
        FlowBatch b = t.batch();
        float[] end = b.finals().length == slices.get(0).rows() ? b.finals()[i].clone() : null;
        int prompt = slices.get(0).prompts()[i];
        String completion = end == null ? "a separate branch at each trained step"
                : String.format(Locale.ROOT, "→ (%.2f, %.2f)", end[0], end.length > 1 ? end[1] : 0f);
        float[] nan = new float[n];
        Arrays.fill(nan, Float.NaN);
        return new CapturedSample(i, (int) keys[0], promptText.apply(prompt), completion, new int[] {prompt}, ks,
                text, n == 0 ? Double.NaN : rewardSum / n, n == 0 ? Double.NaN : advSum / n, logp, old, nan,
                ratio, nan.clone(), clip, new FlowSteps(x, next, oldMean, rewards, keys, adv, kl, end));
    }

    /** The rollout the loss needs, rebuilt from a flow capture. */
    public static Rollout rollout(BatchCapture c) {
        if (!BatchCapture.KIND_FLOW.equals(c.kind())) {
            throw new IllegalArgumentException("step " + c.step() + " holds a " + c.kind() + " batch, not a flow one");
        }
        List<CapturedSample> s = c.samples();
        int rows = s.size();
        int n = rows == 0 ? 0 : s.get(0).length();
        List<StepSlice> slices = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            float[][] x = new float[rows][];
            float[][] next = new float[rows][];
            float[][] mean = new float[rows][];
            float[] oldLp = new float[rows];
            int[] prompts = new int[rows];
            float[] rewards = new float[rows];
            long[] keys = new long[rows];
            for (int i = 0; i < rows; i++) {
                FlowSteps f = flowOf(s.get(i), c.step());
                x[i] = f.x()[j];
                next[i] = f.next()[j];
                mean[i] = f.oldMean()[j];
                oldLp[i] = s.get(i).oldLogp()[j];
                prompts[i] = s.get(i).promptTokens()[0];
                rewards[i] = f.rewards()[j];
                keys[i] = f.groupKeys()[j];
            }
            slices.add(new StepSlice(s.get(0).responseTokens()[j], x, next, mean, oldLp, prompts, rewards, keys));
        }
        float[][] finals = new float[rows][];
        int[] finalPrompts = new int[rows];
        float[] finalRewards = new float[rows];
        for (int i = 0; i < rows; i++) {
            FlowSteps f = flowOf(s.get(i), c.step());
            finals[i] = f.finalPoint() != null ? f.finalPoint() : new float[f.x().length == 0 ? 0 : f.x()[0].length];
            finalPrompts[i] = s.get(i).promptTokens()[0];
            finalRewards[i] = (float) s.get(i).reward();
        }
        int[] trained = rows == 0 ? new int[0] : s.get(0).responseTokens().clone();
        return new Rollout(new FlowBatch(slices, finals, finalPrompts, finalRewards), trained);
    }

    private static FlowSteps flowOf(CapturedSample s, long step) {
        if (s.flow() == null) {
            throw new IllegalArgumentException("sample " + s.index() + " of step " + step + " has no flow part");
        }
        return s.flow();
    }
}
