package io.grposcope.app.ui.flow;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A strip of the flow run's fixed-seed evaluation samples (2-D points, coloured by prompt), one small panel per
 * evaluation, newest on the right, so a person sees the mass move onto the rewarded mode as training goes on.
 */
public final class SampleStrip extends Region {
    static final String EVAL_PREFIX = "[eval] ";
    static final int KEEP = 6;
    private static final Color[] PROMPT_COLOURS = {Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"),
        Color.web("#ff7f0e"), Color.web("#9467bd"), Color.web("#8c564b")};
    private static final double EXTENT = 2.2;

    /** One evaluation: its step and the points with their prompt. */
    record Snapshot(long step, float[][] points, int[] prompts) {
    }

    private final RunData data;
    private final Canvas canvas = new Canvas();
    private final Deque<Snapshot> snapshots = new ArrayDeque<>();
    private long seenStep = -1;

    public SampleStrip(RunData data) {
        this.data = data;
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(150);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    int snapshotCount() {
        return snapshots.size();
    }

    public void render() {
        StepRecord r = data.latest();
        if (r == null || r.step() == seenStep) {
            return;
        }
        seenStep = r.step();
        Snapshot s = parse(r);
        if (s != null) {
            snapshots.addLast(s);
            while (snapshots.size() > KEEP) {
                snapshots.removeFirst();
            }
            draw();
        }
    }

    static Snapshot parse(StepRecord r) {
        List<float[]> pts = new ArrayList<>();
        List<Integer> prompts = new ArrayList<>();
        for (SampleRow row : r.samples()) {
            if (row.prompt().startsWith(EVAL_PREFIX)) {
                float[] p = point(row.completion());
                if (p != null) {
                    pts.add(p);
                    prompts.add(row.groupId());
                }
            }
        }
        if (pts.isEmpty()) {
            return null;
        }
        return new Snapshot(r.step(), pts.toArray(new float[0][]), prompts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** "(x, y)" → {x, y}, or null. */
    static float[] point(String text) {
        String t = text.trim();
        if (!t.startsWith("(") || !t.endsWith(")") || !t.contains(",")) {
            return null;
        }
        String[] xy = t.substring(1, t.length() - 1).split(",");
        try {
            return new float[] {Float.parseFloat(xy[0].trim()), Float.parseFloat(xy[1].trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        double size = Math.max(20, Math.min(getHeight() - 18, getWidth() / KEEP - 6));
        double x0 = 2;
        for (Snapshot s : snapshots) {
            g.setStroke(Color.GRAY);
            g.strokeRect(x0, 2, size, size);
            g.setFill(Color.GRAY);
            g.fillText("step " + s.step(), x0 + 2, size + 15);
            for (int i = 0; i < s.points().length; i++) {
                double px = x0 + (s.points()[i][0] + EXTENT) / (2 * EXTENT) * size;
                double py = 2 + (EXTENT - s.points()[i][1]) / (2 * EXTENT) * size;
                if (px >= x0 && px <= x0 + size && py >= 2 && py <= 2 + size) {
                    g.setFill(PROMPT_COLOURS[Math.floorMod(s.prompts()[i], PROMPT_COLOURS.length)]);
                    g.fillOval(px - 1.5, py - 1.5, 3, 3);
                }
            }
            x0 += size + 6;
        }
    }
}
