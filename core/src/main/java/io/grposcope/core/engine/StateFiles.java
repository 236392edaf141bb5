package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Binary files of named float tensors for checkpoints: per tensor its name, element count and float32 values
 * (big-endian), so a restore is bit-exact. Reading checks names and sizes against the live arrays.
 */
final class StateFiles {

    private StateFiles() {
    }

    static void write(Path file, List<String> names, List<NDArray> arrays) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(arrays.size());
            for (int i = 0; i < arrays.size(); i++) {
                float[] v = arrays.get(i).toFloatArray();
                out.writeUTF(names.get(i));
                out.writeInt(v.length);
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
    }

    /** Overwrites each array in place with the saved values. */
    static void read(Path file, List<String> names, List<NDArray> arrays) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            if (n != arrays.size()) {
                throw new IOException(file + ": holds " + n + " tensors, the model has " + arrays.size());
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int len = in.readInt();
                if (!name.equals(names.get(i)) || len != arrays.get(i).getShape().size()) {
                    throw new IOException(file + ": tensor " + i + " is " + name + "[" + len + "], expected "
                            + names.get(i) + "[" + arrays.get(i).getShape().size() + "]");
                }
                float[] v = new float[len];
                for (int k = 0; k < len; k++) {
                    v[k] = in.readFloat();
                }
                arrays.get(i).set(v);
            }
        }
    }
}
