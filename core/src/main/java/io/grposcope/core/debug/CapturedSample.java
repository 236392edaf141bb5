package io.grposcope.core.debug;

import java.util.Arrays;

/**
 * One sample of a captured batch, as plain values: text, token ids and per-token arrays over the response
 * (or, for flow runs, over the trained denoising steps: {@code responseTokens} then hold the step indices k and
 * {@code flow} the transitions; entropy and reference log-prob are NaN there). {@code clip} holds
 * {@link ClipState} ordinals. Arrays are owned by the record; callers must not change them.
 */
public record CapturedSample(int index, int groupId, String prompt, String completion, int[] promptTokens,
                             int[] responseTokens, String[] tokenText, double reward, double advantage,
                             float[] logp, float[] oldLogp, float[] refLogp, float[] ratio, float[] entropy,
                             byte[] clip, FlowSteps flow) {

    /** A token sample (no flow part). */
    public CapturedSample(int index, int groupId, String prompt, String completion, int[] promptTokens,
                          int[] responseTokens, String[] tokenText, double reward, double advantage, float[] logp,
                          float[] oldLogp, float[] refLogp, float[] ratio, float[] entropy, byte[] clip) {
        this(index, groupId, prompt, completion, promptTokens, responseTokens, tokenText, reward, advantage, logp,
                oldLogp, refLogp, ratio, entropy, clip, null);
    }

    public CapturedSample {
        int n = responseTokens.length;
        if (flow != null && flow.steps() != n) {
            throw new IllegalArgumentException("captured sample: flow part has " + flow.steps() + " steps for " + n
                    + " trained steps");
        }
        requireLength("tokenText", tokenText == null ? n : tokenText.length, n);
        requireLength("logp", logp.length, n);
        requireLength("oldLogp", oldLogp.length, n);
        requireLength("refLogp", refLogp.length, n);
        requireLength("ratio", ratio.length, n);
        requireLength("entropy", entropy.length, n);
        requireLength("clip", clip.length, n);
    }

    private static void requireLength(String what, int got, int n) {
        if (got != n) {
            throw new IllegalArgumentException("captured sample: " + what + " has " + got + " entries for " + n
                    + " response tokens");
        }
    }

    public int length() {
        return responseTokens.length;
    }

    public boolean hasFlow() {
        return flow != null;
    }

    public ClipState clipAt(int t) {
        return ClipState.ofCode(clip[t]);
    }

    /** The display text of token t (its id when no text was captured). */
    public String tokenTextAt(int t) {
        return tokenText == null ? Integer.toString(responseTokens[t]) : tokenText[t];
    }

    /** Largest |log w| over the sample's tokens, a quick "how far off-policy" figure. */
    public double maxAbsLogRatio() {
        double m = 0;
        for (int t = 0; t < ratio.length; t++) {
            m = Math.max(m, Math.abs(Math.log(ratio[t])));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedSample s && index == s.index && groupId == s.groupId
                && Double.compare(reward, s.reward) == 0 && Double.compare(advantage, s.advantage) == 0
                && java.util.Objects.equals(prompt, s.prompt) && java.util.Objects.equals(completion, s.completion)
                && Arrays.equals(promptTokens, s.promptTokens) && Arrays.equals(responseTokens, s.responseTokens)
                && Arrays.equals(tokenText, s.tokenText) && Arrays.equals(logp, s.logp)
                && Arrays.equals(oldLogp, s.oldLogp) && Arrays.equals(refLogp, s.refLogp)
                && Arrays.equals(ratio, s.ratio) && Arrays.equals(entropy, s.entropy) && Arrays.equals(clip, s.clip)
                && java.util.Objects.equals(flow, s.flow);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(responseTokens);
    }

    @Override
    public String toString() {
        return "CapturedSample[" + index + ", group " + groupId + ", reward " + reward + ", adv " + advantage + "]";
    }
}
