package io.grposcope.core.device;

import ai.djl.Device;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a device request into a DJL {@link Device}. A GPU request on a machine without a usable GPU stops with a
 * message that says what was looked for and how to set CUDA up, unless the user allowed falling back to the CPU
 * ({@code device: auto}, or {@code allowCpuFallback}); then it says so once and trains on the CPU.
 */
public final class DeviceSelector {

    /** Where the setup steps live, relative to the project or installed docs. */
    public static final String SETUP_DOC = "docs/gpu.md";

    private final Supplier<GpuProbe> probe;
    private final Consumer<String> notices;

    /** @param notices receives the one-line fallback notice (the CLI prints it, the UI shows it) */
    public DeviceSelector(Supplier<GpuProbe> probe, Consumer<String> notices) {
        this.probe = probe;
        this.notices = notices;
    }

    /** Selector over the real machine. */
    public static DeviceSelector ofMachine(Consumer<String> notices) {
        return new DeviceSelector(GpuProbe::detect, notices);
    }

    /** Parses {@code device} (see {@link DeviceRequest}) and selects. */
    public Device select(String device, boolean allowCpuFallback) {
        return select(DeviceRequest.parse(device), allowCpuFallback);
    }

    public Device select(DeviceRequest request, boolean allowCpuFallback) {
        if (request.kind() == DeviceRequest.Kind.CPU) {
            return Device.cpu();
        }
        GpuProbe p = probe.get();
        String problem = problem(request, p);
        if (problem == null) {
            return Device.gpu(request.index());
        }
        if (request.kind() == DeviceRequest.Kind.AUTO || allowCpuFallback) {
            notices.accept("GPU not used, training on the CPU: " + problem);
            return Device.cpu();
        }
        throw new DeviceUnavailableException("cannot train on " + request + ": " + problem + " " + howToFix());
    }

    /** Why the request cannot be met, or null when it can. */
    static String problem(DeviceRequest request, GpuProbe p) {
        if (!p.libtorchHasCuda()) {
            String box = p.driverGpus() > 0
                    ? "this machine has " + p.driverGpus() + " NVIDIA GPU(s) (/proc/driver/nvidia/gpus), but"
                    : "no NVIDIA driver was found (/proc/driver/nvidia/gpus is missing) and";
            return box + " the loaded libtorch " + p.engineVersion() + " is a CPU-only build (" + p.libtorchPath()
                    + ").";
        }
        if (p.cudaDevices() == 0) {
            return "libtorch " + p.engineVersion() + " with CUDA is loaded (" + p.libtorchPath()
                    + "), but CUDA sees no GPU (driver missing or too old for this CUDA version?).";
        }
        if (request.index() >= p.cudaDevices()) {
            return "gpu:" + request.index() + " does not exist; CUDA sees " + p.cudaDevices()
                    + " GPU(s), numbered from 0.";
        }
        return null;
    }

    private static String howToFix() {
        return "To train on an NVIDIA GPU, install libtorch 2.7.1 for CUDA 12.8 and start with "
                + "PYTORCH_LIBRARY_PATH=<libtorch>/lib PYTORCH_FLAVOR=cu128 (see " + SETUP_DOC + "). "
                + "Or use device 'cpu', or 'auto' to fall back to the CPU when no GPU is usable.";
    }
}
