package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A flow trainer's whole state in one binary file ({@code flow-state.bin}): counters, live values, the RNG, the
 * policy, the reference net and both Adam states as float32, so training continues bit for bit after a load.
 */
final class FlowCheckpoint {
    static final String FILE = "flow-state.bin";
    private static final int VERSION = 1;

    private FlowCheckpoint() {
    }

    static void writeHeader(DataOutputStream out, long[] counters, double[] live, Random rng) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(counters.length);
        for (long c : counters) {
            out.writeLong(c);
        }
        out.writeInt(live.length);
        for (double v : live) {
            out.writeDouble(v);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(rng);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    static Random readHeader(DataInputStream in, long[] counters, double[] live, Path file) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException(file + ": unknown flow checkpoint version");
        }
        readLongs(in, counters, file);
        int n = in.readInt();
        if (n != live.length) {
            throw new IOException(file + ": holds " + n + " live values, expected " + live.length);
        }
        for (int i = 0; i < n; i++) {
            live[i] = in.readDouble();
        }
        byte[] rng = in.readNBytes(in.readInt());
        try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(rng))) {
            return (Random) o.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(file + ": unreadable RNG state", e);
        }
    }

    private static void readLongs(DataInputStream in, long[] out, Path file) throws IOException {
        int n = in.readInt();
        if (n != out.length) {
            throw new IOException(file + ": holds " + n + " counters, expected " + out.length);
        }
        for (int i = 0; i < n; i++) {
            out[i] = in.readLong();
        }
    }

    static void writeArrays(DataOutputStream out, List<NDArray> arrays) throws IOException {
        float[][] v = new float[arrays.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = arrays.get(i).toFloatArray();
        }
        writeFloats(out, v);
    }

    static void readArrays(DataInputStream in, List<NDArray> arrays, Path file) throws IOException {
        float[][] v = new float[arrays.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new float[(int) arrays.get(i).size()];
        }
        readFloats(in, v, file);
        for (int i = 0; i < v.length; i++) {
            arrays.get(i).set(v[i]);
        }
    }

    static void writeAdam(DataOutputStream out, FlowAdam adam) throws IOException {
        out.writeLong(adam.steps());
        writeFloats(out, adam.firstMoments());
        writeFloats(out, adam.secondMoments());
    }

    static void readAdam(DataInputStream in, FlowAdam adam, Path file) throws IOException {
        long t = in.readLong();
        float[][] m = copyShape(adam.firstMoments());
        float[][] v = copyShape(adam.secondMoments());
        readFloats(in, m, file);
        readFloats(in, v, file);
        adam.restore(m, v, t);
    }

    private static float[][] copyShape(float[][] like) {
        float[][] out = new float[like.length][];
        for (int i = 0; i < like.length; i++) {
            out[i] = new float[like[i].length];
        }
        return out;
    }

    private static void writeFloats(DataOutputStream out, float[][] v) throws IOException {
        out.writeInt(v.length);
        for (float[] a : v) {
            out.writeInt(a.length);
            for (float f : a) {
                out.writeFloat(f);
            }
        }
    }

    private static void readFloats(DataInputStream in, float[][] into, Path file) throws IOException {
        int n = in.readInt();
        if (n != into.length) {
            throw new IOException(file + ": holds " + n + " tensors, the model has " + into.length);
        }
        for (float[] a : into) {
            int len = in.readInt();
            if (len != a.length) {
                throw new IOException(file + ": tensor of " + len + " values where the model has " + a.length);
            }
            for (int k = 0; k < len; k++) {
                a[k] = in.readFloat();
            }
        }
    }

    static DataOutputStream output(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(FILE))));
    }

    static DataInputStream input(Path dir) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(FILE))));
    }
}
