package io.grposcope.core.debug;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Flags outliers in one metric series by a rolling robust z-score (methods-spec §7.5): a value is a spike
 * when it lies beyond median ± k·MAD of the last {@code window} finite values, with
 * MAD = median(|x − median|). A non-finite value is always a spike. Not thread-safe: one engine thread feeds it.
 */
public final class SpikeDetector {

    /** Which side counts: UP for grad norms and KL, DOWN for entropy drops, BOTH for anything else. */
    public enum Direction { UP, DOWN, BOTH }

    /**
     * @param window     how many past finite values form the baseline
     * @param k          threshold in MADs (§7.5 suggests about 5)
     * @param minHistory values needed before finite spikes can be flagged (non-finite ones always are)
     * @param relMadFloor the MAD is at least this fraction of |median|, so a flat series does not flag noise
     */
    public record Settings(int window, double k, int minHistory, Direction direction, double relMadFloor) {
        public Settings {
            if (window < 3) {
                throw new IllegalArgumentException("spike window must be at least 3 steps, got " + window);
            }
            if (!(k > 0)) {
                throw new IllegalArgumentException("spike threshold k must be > 0, got " + k);
            }
            if (minHistory < 1 || minHistory > window) {
                throw new IllegalArgumentException("minHistory must be in [1, window=" + window + "], got " + minHistory);
            }
            if (!(relMadFloor >= 0)) {
                throw new IllegalArgumentException("relMadFloor must be >= 0, got " + relMadFloor);
            }
        }

        public static Settings defaults() {
            return new Settings(50, 5.0, 10, Direction.UP, 1e-3);
        }

        public Settings withWindow(int w) {
            return new Settings(w, k, Math.min(minHistory, w), direction, relMadFloor);
        }

        public Settings withK(double newK) {
            return new Settings(window, newK, minHistory, direction, relMadFloor);
        }

        public Settings withDirection(Direction d) {
            return new Settings(window, k, minHistory, d, relMadFloor);
        }

        public Settings withMinHistory(int m) {
            return new Settings(window, k, m, direction, relMadFloor);
        }
    }

    private final String series;
    private final Settings settings;
    private final ArrayDeque<Double> history = new ArrayDeque<>();

    public SpikeDetector(String series, Settings settings) {
        this.series = series;
        this.settings = settings;
    }

    public String series() {
        return series;
    }

    public Settings settings() {
        return settings;
    }

    /** Judges {@code value} against the values seen so far, then adds it to the window if finite. */
    public Optional<Spike> observe(long step, double value) {
        Optional<Spike> spike = judge(step, value);
        if (Double.isFinite(value)) {
            history.addLast(value);
            if (history.size() > settings.window()) {
                history.removeFirst();
            }
        }
        return spike;
    }

    private Optional<Spike> judge(long step, double value) {
        double[] window = history.stream().mapToDouble(Double::doubleValue).toArray();
        double median = window.length == 0 ? Double.NaN : median(window);
        double mad = window.length == 0 ? Double.NaN : madAround(window, median);
        if (!Double.isFinite(value)) {
            return Optional.of(new Spike(series, step, value, median, mad, Double.NaN, true));
        }
        if (window.length < settings.minHistory()) {
            return Optional.empty();
        }
        double scale = Math.max(mad, settings.relMadFloor() * Math.abs(median));
        double upper = median + settings.k() * scale;
        double lower = median - settings.k() * scale;
        boolean up = value > upper && settings.direction() != Direction.DOWN;
        boolean down = value < lower && settings.direction() != Direction.UP;
        if (!up && !down) {
            return Optional.empty();
        }
        return Optional.of(new Spike(series, step, value, median, mad, up ? upper : lower, false));
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double madAround(double[] values, double median) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - median);
        }
        return median(dev);
    }
}
