package io.grposcope.app.ui.chart;

/** "Nice" axis tick values (1, 2, 5 × 10^k) and their labels. */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code count} round values covering [lo, hi]. */
    public static double[] nice(double lo, double hi, int count) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[0];
        }
        double raw = (hi - lo) / Math.max(1, count);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step) + 1;
        n = Math.max(0, Math.min(n, 100));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    /** Short label: integers plain, large or tiny values in engineering-ish notation. */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format("%.2g", v);
        }
        if (Math.rint(v) == v) {
            return Long.toString((long) v);
        }
        String s = String.format(a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * A label with as many decimals as the tick {@code step} needs, so ticks 1.000 and 1.001 (a ratio near 1) do
     * not both read "1"; trailing zeros are dropped.
     */
    public static String format(double v, double step) {
        double a = Math.abs(v);
        if (!(step > 0) || v == 0 || a >= 1e5 || a < 1e-3) {
            return format(v);
        }
        int decimals = (int) Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
        if (decimals == 0) {
            return format(v);
        }
        String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
