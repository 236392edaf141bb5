package io.grposcope.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSelectorTest {

    private static final GpuProbe CPU_BOX = new GpuProbe(false, 0, -1, "/cache/pytorch/cpu", "2.7.1");
    private static final GpuProbe GPU_BOX_CPU_TORCH = new GpuProbe(false, 0, 2, "/cache/pytorch/cpu", "2.7.1");
    private static final GpuProbe CUDA_NO_DEVICE = new GpuProbe(true, 0, -1, "/opt/libtorch/lib", "2.7.1");
    private static final GpuProbe TWO_GPUS = new GpuProbe(true, 2, 2, "/opt/libtorch/lib", "2.7.1");

    private final List<String> notices = new ArrayList<>();

    private DeviceSelector on(GpuProbe p) {
        return new DeviceSelector(() -> p, notices::add);
    }

    @Test
    void parsesEveryDocumentedForm() {
        assertThat(DeviceRequest.parse("cpu")).isEqualTo(new DeviceRequest(DeviceRequest.Kind.CPU, 0));
        assertThat(DeviceRequest.parse(null).kind()).isEqualTo(DeviceRequest.Kind.CPU);
        assertThat(DeviceRequest.parse(" GPU ")).isEqualTo(new DeviceRequest(DeviceRequest.Kind.GPU, 0));
        assertThat(DeviceRequest.parse("cuda:3")).isEqualTo(new DeviceRequest(DeviceRequest.Kind.GPU, 3));
        assertThat(DeviceRequest.parse("gpu:1").toString()).isEqualTo("gpu:1");
        assertThat(DeviceRequest.parse("auto").kind()).isEqualTo(DeviceRequest.Kind.AUTO);
    }

    @Test
    void unknownDeviceNamesTheValidOnes() {
        assertThatThrownBy(() -> DeviceRequest.parse("tpu")).hasMessageContaining("'tpu'")
                .hasMessageContaining(DeviceRequest.VALID);
        assertThatThrownBy(() -> DeviceRequest.parse("gpu:x")).hasMessageContaining("valid values");
        assertThatThrownBy(() -> DeviceRequest.parse("gpu:-1")).hasMessageContaining("0 or more");
    }

    @Test
    void cpuNeverProbes() {
        DeviceSelector s = new DeviceSelector(() -> {
            throw new AssertionError("probed for a CPU run");
        }, notices::add);
        assertThat(s.select("cpu", false)).isEqualTo(Device.cpu());
    }

    @Test
    void gpuWithoutFallbackStopsAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> on(CPU_BOX).select("gpu", false))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("no NVIDIA driver").hasMessageContaining("CPU-only build")
                .hasMessageContaining("PYTORCH_LIBRARY_PATH").hasMessageContaining(DeviceSelector.SETUP_DOC);
        assertThatThrownBy(() -> on(GPU_BOX_CPU_TORCH).select("gpu", false))
                .hasMessageContaining("has 2 NVIDIA GPU(s)").hasMessageContaining("CPU-only build");
        assertThatThrownBy(() -> on(CUDA_NO_DEVICE).select("gpu", false)).hasMessageContaining("CUDA sees no GPU");
        assertThatThrownBy(() -> on(TWO_GPUS).select("gpu:2", false)).hasMessageContaining("gpu:2 does not exist");
        assertThat(notices).isEmpty();
    }

    @Test
    void fallbackOnlyWhenAllowedAndSaidOnce() {
        assertThat(on(CPU_BOX).select("gpu", true)).isEqualTo(Device.cpu());
        assertThat(on(CUDA_NO_DEVICE).select("auto", false)).isEqualTo(Device.cpu());
        assertThat(notices).hasSize(2).allSatisfy(n -> assertThat(n).startsWith("GPU not used, training on the CPU"));
    }

    @Test
    void usableGpuIsSelectedByIndex() {
        assertThat(on(TWO_GPUS).select("gpu:1", false)).isEqualTo(Device.gpu(1));
        assertThat(on(TWO_GPUS).select("auto", false)).isEqualTo(Device.gpu(0));
        assertThat(notices).isEmpty();
    }

    @Test
    void driverGpusCountsProcEntries(@TempDir Path dir) throws Exception {
        assertThat(GpuProbe.driverGpus(dir.resolve("missing"))).isEqualTo(-1);
        Files.createDirectory(dir.resolve("0000:01:00.0"));
        assertThat(GpuProbe.driverGpus(dir)).isEqualTo(1);
    }

    @Test
    void thisMachineProbeMatchesTheBundledCpuLibtorch() {
        GpuProbe p = GpuProbe.detect();
        assertThat(p.engineVersion()).startsWith("2.7.1");
        assertThat(p.libtorchPath()).isNotBlank();
        if (!p.libtorchHasCuda()) {
            assertThat(p.usable()).isFalse();
            assertThatThrownBy(() -> new DeviceSelector(() -> p, notices::add).select("gpu", false))
                    .isInstanceOf(DeviceUnavailableException.class);
        }
    }
}
