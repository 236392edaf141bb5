package io.grposcope.app.ui.run;

/** Short h:mm:ss texts for the status bar. */
final class Durations {
    private Durations() {
    }

    static String format(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    static String remaining(long steps, double perSecond) {
        if (steps <= 0) {
            return "0:00";
        }
        if (perSecond <= 0) {
            return "—";
        }
        return "≈ " + format(Math.round(steps / perSecond));
    }
}
