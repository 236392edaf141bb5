package io.grposcope.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Up to {@link Schema#CHUNK} points of one series (tag, branch) whose steps share {@code step >> CHUNK_BITS}, kept
 * sorted by step. Stored as one row: a summary (for drawing long ranges) and the packed points
 * (count, step offsets, wall times, values as raw double bits).
 */
final class ScalarChunk {

    final long tag;
    final long branch;
    final long chunk;
    private int n;
    private final short[] offsets = new short[Schema.CHUNK];
    private final long[] walls = new long[Schema.CHUNK];
    private final double[] values = new double[Schema.CHUNK];
    boolean dirty;

    ScalarChunk(long tag, long branch, long chunk) {
        this.tag = tag;
        this.branch = branch;
        this.chunk = chunk;
    }

    static long chunkOf(long step) {
        return step >> Schema.CHUNK_BITS;
    }

    int size() {
        return n;
    }

    long step(int i) {
        return (chunk << Schema.CHUNK_BITS) + offsets[i];
    }

    long wall(int i) {
        return walls[i];
    }

    double value(int i) {
        return values[i];
    }

    /** Adds or replaces the point at {@code step}. */
    void put(long step, long wall, double value) {
        short off = (short) (step - (chunk << Schema.CHUNK_BITS));
        int i = n;
        if (n == 0 || offsets[n - 1] < off) {
            n++;
        } else {
            i = 0;
            while (offsets[i] < off) {
                i++;
            }
            if (offsets[i] != off) {
                System.arraycopy(offsets, i, offsets, i + 1, n - i);
                System.arraycopy(walls, i, walls, i + 1, n - i);
                System.arraycopy(values, i, values, i + 1, n - i);
                n++;
            }
        }
        offsets[i] = off;
        walls[i] = wall;
        values[i] = value;
        dirty = true;
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(2 + 18 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) n);
        for (int i = 0; i < n; i++) {
            b.putShort(offsets[i]);
        }
        for (int i = 0; i < n; i++) {
            b.putLong(walls[i]);
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(values[i]);
        }
        return b.array();
    }

    static ScalarChunk decode(long tag, long branch, long chunk, byte[] data) {
        ScalarChunk c = new ScalarChunk(tag, branch, chunk);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        c.n = b.getShort();
        for (int i = 0; i < c.n; i++) {
            c.offsets[i] = b.getShort();
        }
        for (int i = 0; i < c.n; i++) {
            c.walls[i] = b.getLong();
        }
        for (int i = 0; i < c.n; i++) {
            c.values[i] = b.getDouble();
        }
        return c;
    }

    /** Summary of all points. */
    Bucket summary() {
        Bucket s = new Bucket();
        for (int i = 0; i < n; i++) {
            s.add(step(i), values[i]);
        }
        return s;
    }
}
