package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.task.flow.PointModesTask;
import java.util.Locale;
import java.util.Random;

/**
 * Fixed-seed evaluation: the same initial noise every time, sampled with the deterministic ODE, so the sample strip
 * and {@code eval/reward/mean} show the policy itself rather than rollout noise.
 */
final class FlowEval {
    static final int PER_PROMPT = 32;
    static final String PREFIX = "[eval] ";

    private final FlowSampler sampler;
    private final PointModesTask task;
    private final long seed;

    FlowEval(FlowSampler sampler, PointModesTask task, long seed) {
        this.sampler = sampler;
        this.task = task;
        this.seed = seed;
    }

    /** Final ODE samples for every prompt (rows grouped by prompt). */
    float[][] sample(int[] prompts) {
        float[][] x = sampler.initialNoise(prompts.length, new Random(seed ^ 0x5EEDL));
        for (int k = 0; k < sampler.schedule().steps(); k++) {
            x = sampler.odeStep(x, prompts, k);
        }
        return x;
    }

    void write(StepRecord.Builder b, int grpoStep) {
        int[] prompts = new int[task.prompts() * PER_PROMPT];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = i / PER_PROMPT;
        }
        float[][] x = sample(prompts);
        float[] r = task.rewards(x, prompts);
        double mean = 0;
        for (float v : r) {
            mean += v;
        }
        b.scalar("eval/reward/mean", mean / r.length);
        b.scalar("eval/hit_rate", task.hitRate(x, prompts));
        b.scalar("eval/grpo_step", grpoStep);
        for (int i = 0; i < x.length; i++) {
            b.sample(new SampleRow(i, prompts[i], PREFIX + task.prompt(prompts[i]),
                    String.format(Locale.ROOT, "(%.4f, %.4f)", x[i][0], x[i][1]), r[i], Double.NaN, 0));
        }
    }
}
