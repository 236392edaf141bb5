package io.grposcope.core.debug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made captures for tests: two groups of two samples, one of them with an injected huge advantage. */
public final class CaptureFixtures {

    private CaptureFixtures() {
    }

    public static BatchCapture smallBatch(long step) {
        List<CapturedSample> samples = new ArrayList<>();
        samples.add(sample(0, 0, "12+7=", "19", 1.0, 0.7071, new float[]{1.0f, 1.05f, 0.9f}));
        samples.add(sample(1, 0, "12+7=", "18", 0.0, -0.7071, new float[]{1.0f, 0.7f, 1.0f}));
        samples.add(sample(2, 1, "3+4=", "7", 1.0, 50.0, new float[]{1.4f, Float.NaN, 1.0f}));
        samples.add(sample(3, 1, "3+4=", "8", 0.0, -0.7071, new float[]{0.95f, 1.0f, 1.0f}));
        Map<String, Double> layers = new LinkedHashMap<>();
        layers.put("embed", 0.4);
        layers.put("block0", 2.5);
        layers.put("head", 0.3);
        return new BatchCapture(step, BatchCapture.KIND_TOKEN, "grpo", Map.of("lr", 3e-4, "clip_low", 0.2,
                "clip_high", 0.28), 0.125, 3.75, layers, samples);
    }

    static CapturedSample sample(int index, int group, String prompt, String completion, double reward,
                                 double adv, float[] ratio) {
        int n = ratio.length;
        float[] logp = new float[n];
        float[] old = new float[n];
        float[] ref = new float[n];
        float[] ent = new float[n];
        byte[] clip = new byte[n];
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            old[t] = -0.5f - 0.1f * t;
            logp[t] = old[t] + (float) Math.log(ratio[t]);
            ref[t] = old[t] - 0.01f;
            ent[t] = 0.3f + 0.2f * t;
            clip[t] = (byte) ClipState.of(ratio[t], adv, 0.2, 0.28, 3.0).ordinal();
            text[t] = t < completion.length() ? completion.substring(t, t + 1) : "<eos>";
        }
        int[] resp = new int[n];
        for (int t = 0; t < n; t++) {
            resp[t] = 10 + t;
        }
        return new CapturedSample(index, group, prompt, completion, new int[]{1, 2, 3}, resp, text, reward, adv,
                logp, old, ref, ratio, ent, clip);
    }
}
