package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.spi.AdvantageEstimator;

/**
 * Group-relative advantages (DeepSeekMath GRPO; methods-spec §1.2): A_i = (r_i − μ_q) / (s_q + ε) per group q,
 * or r_i − μ_q without std (Dr. GRPO), or with the batch std (TRL scale_rewards=batch, Flow-GRPO global_std).
 * Statistics are computed in double (float32 for verl's vectorized variant, as verl does) and returned in the
 * rewards' dtype. Rewards of shape (B, K) are normalised per column (per denoising step).
 *
 * <p>Edge cases, decided explicitly: a singleton group follows {@link Options#singleton()} (verl: mean 0, std 1,
 * so A = r/(1+ε), with 1+ε rounded to float32 as verl does); a group whose rewards are all exactly equal gets A = 0 when {@link Options#zeroFlatGroups()}
 * is on (the default), instead of verl's rounding residue divided by ε (e.g. 0.0289 for six float32 0.3s).
 */
public final class GroupAdvantage implements AdvantageEstimator {

    /** How rewards are centred and scaled. */
    public enum Normalization {
        /** (r − group mean) / (group std + ε). */
        Z_SCORE,
        /** r − group mean (Dr. GRPO, verl norm_adv_by_std_in_grpo=false, TRL scale_rewards=none). */
        MEAN_CENTRED,
        /** (r − group mean) / (std of all rewards in the batch + ε). */
        BATCH_STD,
        /** verl's compute_grpo_vectorized_outcome_advantage: float32 sums, std = sqrt(max(var, ε)), then /(std+ε). */
        VERL_VECTORIZED,
        /** verl's vectorized variant with norm_adv_by_std_in_grpo=false: r − mean, the mean summed in float32. */
        VERL_VECTORIZED_MEAN_CENTRED
    }

    /** Divisor of the variance. */
    public enum StdKind { UNBIASED, POPULATION }

    /** What a group of one row gets. */
    public enum Singleton {
        /** verl: mean 0 and std 1, so the advantage is the raw score (over 1 + ε). */
        RAW_SCORE,
        /** advantage 0: one sample carries no relative signal. */
        ZERO
    }

    /** All advantage options; see the factories for each framework's settings. */
    public record Options(Normalization normalization, StdKind std, double eps, Singleton singleton,
                          boolean zeroFlatGroups) {
        public Options {
            if (!(eps >= 0) || !Double.isFinite(eps)) {
                throw new IllegalArgumentException("advantage eps must be finite and >= 0, got " + eps);
            }
        }

        /** verl compute_grpo_outcome_advantage: unbiased std, ε = 1e-6 on the std. */
        public static Options verl() {
            return new Options(Normalization.Z_SCORE, StdKind.UNBIASED, 1e-6, Singleton.RAW_SCORE, true);
        }

        /** TRL GRPOTrainer scale_rewards=group: unbiased std, ε = 1e-4. */
        public static Options trl() {
            return new Options(Normalization.Z_SCORE, StdKind.UNBIASED, 1e-4, Singleton.RAW_SCORE, true);
        }

        /** Flow-GRPO PerPromptStatTracker: population std, ε = 1e-4. */
        public static Options flowGrpo(boolean globalStd) {
            return new Options(globalStd ? Normalization.BATCH_STD : Normalization.Z_SCORE, StdKind.POPULATION,
                    1e-4, Singleton.RAW_SCORE, true);
        }

        /** Dr. GRPO: mean-centred, no std. */
        public static Options meanCentred() {
            return new Options(Normalization.MEAN_CENTRED, StdKind.UNBIASED, 0.0, Singleton.RAW_SCORE, true);
        }

        public Options withNormalization(Normalization n) {
            return new Options(n, std, eps, singleton, zeroFlatGroups);
        }

        public Options withZeroFlatGroups(boolean z) {
            return new Options(normalization, std, eps, singleton, z);
        }
    }

    private final Options options;

    public GroupAdvantage(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public NDArray estimate(NDArray rewards, GroupIndex groups) {
        Shape shape = rewards.getShape();
        if (shape.dimension() < 1 || shape.dimension() > 2 || shape.get(0) != groups.rows()) {
            throw new IllegalArgumentException("rewards must be (B) or (B, K) with B = " + groups.rows()
                    + " rows, got " + shape);
        }
        int b = (int) shape.get(0);
        int k = shape.dimension() == 2 ? (int) shape.get(1) : 1;
        double[] r = rewards.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = new double[r.length];
        boolean f32 = rewards.getDataType() == DataType.FLOAT32;
        for (int col = 0; col < k; col++) {
            double[] column = new double[b];
            for (int i = 0; i < b; i++) {
                column[i] = r[i * k + col];
            }
            double[] a = compute(column, groups, options, f32);
            for (int i = 0; i < b; i++) {
                out[i * k + col] = a[i];
            }
        }
        return rewards.getManager().create(out, shape).toType(rewards.getDataType(), false);
    }

    /** Token-level rewards (B, T) → sequence scores (B): verl sums the whole row, padding included. */
    public static NDArray scores(NDArray tokenRewards) {
        return tokenRewards.sum(new int[] {-1});
    }

    /** Advantages for one column of scores; {@code float32} selects float32 emulation where verl uses it. */
    public static double[] compute(double[] scores, GroupIndex groups, Options o, boolean float32) {
        if (o.normalization() == Normalization.VERL_VECTORIZED
                || o.normalization() == Normalization.VERL_VECTORIZED_MEAN_CENTRED) {
            return VectorizedGroupStats.advantages(scores, groups, o, float32);
        }
        double batchStd = o.normalization() == Normalization.BATCH_STD ? std(scores, o.std()) : Double.NaN;
        double[] out = new double[scores.length];
        for (int g = 0; g < groups.groupCount(); g++) {
            int[] rows = groups.members(g);
            double[] x = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                x[j] = scores[rows[j]];
            }
            double[] a = groupAdvantages(x, o, batchStd);
            for (int j = 0; j < rows.length; j++) {
                out[rows[j]] = a[j];
            }
        }
        return out;
    }

    private static double[] groupAdvantages(double[] x, Options o, double batchStd) {
        double[] a = new double[x.length];
        if (x.length == 1) {
            if (o.singleton() == Singleton.RAW_SCORE) {
                a[0] = o.normalization() == Normalization.MEAN_CENTRED ? x[0] : x[0] / singletonScale(o.eps());
            }
            return a;
        }
        if (o.zeroFlatGroups() && isFlat(x)) {
            return a;
        }
        double mean = mean(x);
        double scale = switch (o.normalization()) {
            case MEAN_CENTRED -> 1.0;
            case BATCH_STD -> batchStd + o.eps();
            default -> std(x, o.std()) + o.eps();
        };
        for (int j = 0; j < x.length; j++) {
            a[j] = (x[j] - mean) / scale;
        }
        return a;
    }

    /** verl keeps a singleton's std as a float32 tensor 1.0, so 1 + ε is rounded to float32 before dividing. */
    private static double singletonScale(double eps) {
        return (float) (1.0 + eps);
    }

    static boolean isFlat(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Two-pass standard deviation; 0 for fewer than two values with the unbiased divisor. */
    static double std(double[] x, StdKind kind) {
        int n = x.length;
        if (n == 0 || (kind == StdKind.UNBIASED && n < 2)) {
            return 0.0;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (kind == StdKind.UNBIASED ? n - 1 : n));
    }
}
