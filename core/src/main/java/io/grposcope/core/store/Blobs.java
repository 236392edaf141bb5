package io.grposcope.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian packing of number arrays into BLOBs; doubles keep their exact bits, so NaN and ±Inf survive. */
final class Blobs {

    private Blobs() {
    }

    static byte[] doubles(double[] xs) {
        ByteBuffer b = ByteBuffer.allocate(xs.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(xs);
        return b.array();
    }

    static double[] doubles(byte[] bytes) {
        double[] out = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    static byte[] longs(long[] xs) {
        ByteBuffer b = ByteBuffer.allocate(xs.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(xs);
        return b.array();
    }

    static long[] longs(byte[] bytes) {
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
