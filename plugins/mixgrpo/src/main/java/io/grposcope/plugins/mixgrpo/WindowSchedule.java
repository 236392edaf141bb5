package io.grposcope.plugins.mixgrpo;

import java.util.Random;

/**
 * MixGRPO's sliding-window schedule (Tencent Hunyuan 2025, methods-spec §3.5) written as a function of the GRPO step
 * index instead of a mutable state: the window is {@code [cur, min(cur + W, K_max))} with {@code K_max = N − 2}; cur
 * walks 0, s, 2s, … (s = stride with overlap, W without), spending {@code iters(cur)} steps at each position
 * (constant, linear {@code decay} or {@code exp_decay}), then rolls back to 0 or stays; {@code random} draws
 * {@code cur ~ U{0, …, K_max − W}} each step from the run's RNG.
 */
public record WindowSchedule(Strategy strategy, int size, int itersPerGroup, int stride, boolean rollBack,
                             int maxIters, int minIters, double expK, int expThreshold) {

    /** How long the window stays at a position, or whether it jumps at random. */
    public enum Strategy { PROGRESSIVE, DECAY, EXP_DECAY, RANDOM }

    public WindowSchedule {
        if (size < 1 || itersPerGroup < 1 || stride < 1 || minIters < 1 || maxIters < minIters || !(expK >= 0)) {
            throw new IllegalArgumentException("MixGRPO window schedule needs window size, iters per group, stride and"
                    + " min iters ≥ 1, max iters ≥ min iters and exp_decay_k ≥ 0; got size " + size + ", iters "
                    + itersPerGroup + ", stride " + stride + ", min/max iters " + minIters + "/" + maxIters + ", k "
                    + expK);
        }
    }

    /** {@code K_max = N − 2}: the window's exclusive upper bound, so steps N−2 and N−1 are never trained. */
    public static int kMax(int denoisingSteps) {
        return denoisingSteps - 2;
    }

    /** The trained steps at GRPO step {@code step} (0-based) of a run with {@code denoisingSteps} steps. */
    public int[] window(long step, int denoisingSteps, Random rng) {
        int kMax = kMax(denoisingSteps);
        int start = start(step, kMax, rng);
        int end = Math.min(start + size, kMax);
        int[] ks = new int[end - start];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = start + i;
        }
        return ks;
    }

    /** The window's first step; {@code random} draws one int from {@code rng}, the others do not touch it. */
    public int start(long step, int kMax, Random rng) {
        if (size > kMax) {
            throw new IllegalArgumentException("MixGRPO window of " + size + " steps does not fit: windows lie in steps"
                    + " 0.." + (kMax - 1) + " (K_max = N − 2 = " + kMax + "); use window_size ≤ " + kMax
                    + " or more flow.denoisingSteps");
        }
        if (step < 0) {
            throw new IllegalArgumentException("GRPO step index must be ≥ 0, got " + step);
        }
        if (strategy == Strategy.RANDOM) {
            return rng.nextInt(kMax - size + 1);
        }
        long left = rollBack ? step % cycleLength(kMax) : step;
        int last = kMax - 1;
        for (int cur = 0; cur <= last; cur += stride) {
            int iters = iters(cur, kMax);
            if (left < iters) {
                return cur;
            }
            left -= iters;
        }
        // without roll back the window stays at the last position with a non-empty window
        return last;
    }

    /** Steps spent at position {@code cur}. */
    public int iters(int cur, int kMax) {
        return switch (strategy) {
            case DECAY -> {
                double progress = (double) cur / kMax;
                yield Math.max(minIters, (int) (maxIters * (1 - progress) + minIters * progress));
            }
            case EXP_DECAY -> Math.max(1,
                    (int) Math.ceil(itersPerGroup * Math.exp(-expK * Math.max(0, cur - expThreshold))));
            default -> itersPerGroup;
        };
    }

    /** Steps from position 0 until the window rolls back to it. */
    long cycleLength(int kMax) {
        long total = 0;
        for (int cur = 0; cur <= kMax - 1; cur += stride) {
            total += iters(cur, kMax);
        }
        return total;
    }
}
