package io.grposcope.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Running reduction of a stretch of a series: min/max/sum over finite values, counts of NaN and ±Inf, and the
 * value at the newest step. Used for chunk summaries and for drawing buckets.
 */
final class Bucket {

    long firstStep = Long.MAX_VALUE;
    long lastStep = Long.MIN_VALUE;
    long finite;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    long nan;
    long posInf;
    long negInf;
    double last = Double.NaN;

    static final int BYTES = 10 * 8;

    /** Packed form stored as a chunk summary: one BLOB read per chunk instead of ten columns. */
    byte[] encode() {
        return ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(firstStep).putLong(lastStep)
                .putLong(finite).putDouble(min).putDouble(max).putDouble(sum).putLong(nan).putLong(posInf)
                .putLong(negInf).putDouble(last).array();
    }

    static Bucket decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Bucket b = new Bucket();
        b.firstStep = in.getLong();
        b.lastStep = in.getLong();
        b.finite = in.getLong();
        b.min = in.getDouble();
        b.max = in.getDouble();
        b.sum = in.getDouble();
        b.nan = in.getLong();
        b.posInf = in.getLong();
        b.negInf = in.getLong();
        b.last = in.getDouble();
        return b;
    }

    void add(long step, double v) {
        if (Double.isNaN(v)) {
            nan++;
        } else if (v == Double.POSITIVE_INFINITY) {
            posInf++;
        } else if (v == Double.NEGATIVE_INFINITY) {
            negInf++;
        } else {
            finite++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        span(step, v);
    }

    void merge(Bucket o) {
        finite += o.finite;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        sum += o.sum;
        nan += o.nan;
        posInf += o.posInf;
        negInf += o.negInf;
        firstStep = Math.min(firstStep, o.firstStep);
        if (o.lastStep >= lastStep) {
            lastStep = o.lastStep;
            last = o.last;
        }
    }

    private void span(long step, double v) {
        firstStep = Math.min(firstStep, step);
        if (step >= lastStep) {
            lastStep = step;
            last = v;
        }
    }

    long count() {
        return finite + nonFinite();
    }

    long nonFinite() {
        return nan + posInf + negInf;
    }

    boolean isEmpty() {
        return count() == 0;
    }

    double minOrNaN() {
        return finite == 0 ? Double.NaN : min;
    }

    double maxOrNaN() {
        return finite == 0 ? Double.NaN : max;
    }

    double mean() {
        return finite == 0 ? Double.NaN : sum / finite;
    }
}
