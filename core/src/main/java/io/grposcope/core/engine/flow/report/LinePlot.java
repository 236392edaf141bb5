package io.grposcope.core.engine.flow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small line chart drawn with java.awt (no JavaFX in core): titled axes, ticks, one legend entry per series. */
public final class LinePlot {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};
    private static final int W = 760;
    private static final int H = 420;
    private static final int L = 78;
    private static final int R = 20;
    private static final int T = 40;
    private static final int B = 56;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Double refLine;

    /** One named line; {@code dashed} for a second quantity of the same method. */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, false));
        return this;
    }

    public LinePlot addDashed(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, true));
        return this;
    }

    /** A thin grey horizontal reference line (e.g. ratio 1). */
    public LinePlot reference(double y) {
        refLine = y;
        return this;
    }

    public void write(Path file) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double[] r = range();
        drawAxes(g, r);
        for (int i = 0; i < series.size(); i++) {
            drawLine(g, series.get(i), PALETTE[(series.get(i).dashed() ? i - 1 : i) % PALETTE.length], r, i);
        }
        drawLegend(g);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private double[] range() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = refLine == null ? Double.POSITIVE_INFINITY : refLine;
        double y1 = refLine == null ? Double.NEGATIVE_INFINITY : refLine;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                    y0 = Math.min(y0, s.y()[i]);
                    y1 = Math.max(y1, s.y()[i]);
                }
            }
        }
        if (!(x1 > x0)) {
            x1 = x0 + 1;
        }
        double pad = y1 > y0 ? 0.06 * (y1 - y0) : Math.max(1e-9, Math.abs(y0) * 0.1 + 1e-9);
        return new double[] {x0, x1, y0 - pad, y1 + pad};
    }

    private int px(double x, double[] r) {
        return L + (int) Math.round((x - r[0]) / (r[1] - r[0]) * (W - L - R));
    }

    private int py(double y, double[] r) {
        return H - B - (int) Math.round((y - r[2]) / (r[3] - r[2]) * (H - T - B));
    }

    private void drawAxes(Graphics2D g, double[] r) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, L, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(L, T, W - L - R, H - T - B);
        for (int i = 0; i <= 5; i++) {
            double yv = r[2] + (r[3] - r[2]) * i / 5;
            double xv = r[0] + (r[1] - r[0]) * i / 5;
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(L + 1, py(yv, r), W - R - 1, py(yv, r));
            g.setColor(Color.BLACK);
            g.drawString(fmt(yv), 4, py(yv, r) + 4);
            g.drawString(fmt(xv), px(xv, r) - 12, H - B + 16);
        }
        g.drawString(xLabel, L + (W - L - R) / 2 - 30, H - 18);
        g.drawString(yLabel, 4, T - 6);
        if (refLine != null) {
            g.setColor(Color.GRAY);
            g.drawLine(L, py(refLine, r), W - R, py(refLine, r));
        }
    }

    private void drawLine(Graphics2D g, Series s, Color c, double[] r, int index) {
        g.setColor(c);
        g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                prevX = -1;
                continue;
            }
            int x = px(s.x()[i], r);
            int y = py(s.y()[i], r);
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, x, y);
            }
            g.fillOval(x - 2, y - 2, 5, 5);
            prevX = x;
            prevY = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Legend on a white box in the top-right corner, drawn over the lines. */
    private void drawLegend(Graphics2D g) {
        int x = W - R - 250;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, T + 4, 244, 16 * series.size() + 6);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x, T + 4, 244, 16 * series.size() + 6);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int ly = T + 20 + 16 * i;
            g.setColor(PALETTE[(s.dashed() ? i - 1 : i) % PALETTE.length]);
            g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            g.drawLine(x + 6, ly - 4, x + 30, ly - 4);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawString(s.name(), x + 36, ly);
        }
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1 && Math.abs(v - Math.rint(v)) < 1e-9 * a) {
            return Long.toString(Math.round(v));
        }
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, a < 1 ? "%.4f" : "%.2f", v);
    }
}
