package io.grposcope.core.algo;

/**
 * verl's vectorized GRPO advantage numerics (group_mean_std): per-group count, Σx and Σx² accumulated in float32
 * in row order, mean = Σx/n, var = (Σx² − (Σx)²/n) / max(n − 1, 1), std = sqrt(max(var, ε)); singletons get
 * mean 0, std 1; then A = (r − mean) / (std + ε), evaluated in the rewards' dtype. The extra ε floor on the
 * variance means a flat group has std ≈ 1e-3, so results differ from the loop version for tiny variances.
 */
final class VectorizedGroupStats {

    private VectorizedGroupStats() {
    }

    static double[] advantages(double[] scores, GroupIndex groups, GroupAdvantage.Options o, boolean float32) {
        int g = groups.groupCount();
        float[] count = new float[g];
        float[] s1 = new float[g];
        float[] s2 = new float[g];
        for (int i = 0; i < scores.length; i++) {
            int q = groups.groupOf(i);
            float x = (float) scores[i];
            count[q] += 1f;
            s1[q] += x;
            s2[q] += x * x;
        }
        float[] mean = new float[g];
        float[] std = new float[g];
        float eps = (float) o.eps();
        for (int q = 0; q < g; q++) {
            if (count[q] <= 1f) {
                mean[q] = 0f;
                std[q] = 1f;
                continue;
            }
            mean[q] = s1[q] / count[q];
            float var = (s2[q] - (s1[q] * s1[q]) / count[q]) / Math.max(count[q] - 1f, 1f);
            std[q] = (float) Math.sqrt(Math.max(var, eps));
        }
        return finish(scores, groups, o, float32, mean, std);
    }

    private static double[] finish(double[] scores, GroupIndex groups, GroupAdvantage.Options o, boolean float32,
                                   float[] mean, float[] std) {
        boolean scaled = o.normalization() == GroupAdvantage.Normalization.VERL_VECTORIZED;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int q = groups.groupOf(i);
            float denom = scaled ? std[q] + (float) o.eps() : 1f;
            if (float32) {
                float c = (float) scores[i] - mean[q];
                out[i] = scaled ? c / denom : c;
            } else {
                double c = scores[i] - mean[q];
                out[i] = scaled ? c / denom : c;
            }
        }
        return out;
    }
}
