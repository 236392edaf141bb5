package io.grposcope.core.device;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this machine offers for GPU training, as seen from two sides: the NVIDIA kernel driver (does the box have
 * a GPU at all?) and the libtorch DJL loaded (was it built with CUDA, and how many devices does CUDA see?).
 * Keeping both lets the message say which half is missing.
 *
 * @param libtorchHasCuda  the loaded libtorch was built with CUDA
 * @param cudaDevices      GPUs visible through CUDA (0 when libtorch is a CPU build)
 * @param driverGpus       GPUs listed by the NVIDIA driver under /proc/driver/nvidia/gpus (-1: no driver)
 * @param libtorchPath     the folder DJL loaded libtorch from
 * @param engineVersion    libtorch version as DJL reports it
 */
public record GpuProbe(boolean libtorchHasCuda, int cudaDevices, int driverGpus, String libtorchPath,
                       String engineVersion) {

    static final Path NVIDIA_PROC = Path.of("/proc/driver/nvidia/gpus");

    /** Starts the PyTorch engine if needed and looks. Takes about a second (longer on the very first start). */
    public static GpuProbe detect() {
        Engine engine = Engine.getEngine("PyTorch");
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        int devices = cuda ? engine.getGpuCount() : 0;
        return new GpuProbe(cuda, devices, driverGpus(NVIDIA_PROC), loadedLibtorchPath(), engine.getVersion());
    }

    /** Usable means CUDA libtorch and at least one device it can see. */
    public boolean usable() {
        return libtorchHasCuda && cudaDevices > 0;
    }

    static int driverGpus(Path procDir) {
        if (!Files.isDirectory(procDir)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(procDir)) {
            return (int) s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String loadedLibtorchPath() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return "(unknown)";
        }
    }
}
