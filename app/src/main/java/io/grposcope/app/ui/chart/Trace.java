package io.grposcope.app.ui.chart;

/**
 * One series drawn on a line chart: its raw buffer, the smoothed overlay, a colour slot and whether it
 * belongs to a compared run (drawn dashed). {@code stacked} traces are filled on top of each other.
 */
public final class Trace {
    private final SeriesBuffer series;
    private final DebiasedEma smoothed;
    private final String label;
    private final int colorIndex;
    private final boolean comparison;
    private final boolean stacked;

    public Trace(SeriesBuffer series, String label, int colorIndex, boolean comparison, boolean stacked,
                 double smoothing) {
        this.series = series;
        this.smoothed = new DebiasedEma(series, smoothing);
        this.label = label;
        this.colorIndex = colorIndex;
        this.comparison = comparison;
        this.stacked = stacked;
    }

    public SeriesBuffer series() {
        return series;
    }

    public DebiasedEma smoothed() {
        return smoothed;
    }

    public String label() {
        return label;
    }

    public int colorIndex() {
        return colorIndex;
    }

    public boolean comparison() {
        return comparison;
    }

    public boolean stacked() {
        return stacked;
    }
}
