package io.grposcope.core.policy.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grposcope.core.algo.flow.StepResult;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tensor SDE step against methods-spec §9.11 and every case of the flow_grpo peer vectors. */
class FlowSdeMathTest {

    @Test
    void oneDimensionalStepOfSpec911() {
        FlowSchedule s = FlowSchedule.of(new double[] {0.8, 0.7, 0.0}, 0.7);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new double[] {1.0}).reshape(1, 1);
            NDArray v = m.create(new double[] {0.5}).reshape(1, 1);
            StepResult r = FlowSdeMath.score(x, v, m.create(new double[] {0.9}).reshape(1, 1), s, 0);
            assertThat(r.mean().toDoubleArray()[0]).isCloseTo(0.81525, within(1e-9));
            double lp = r.logProb().toDoubleArray()[0];
            assertThat(lp).isCloseTo(-0.122441, within(1e-6));
            assertThat(FlowSdeMath.odeStep(x, v, s, 0).toDoubleArray()[0]).isCloseTo(0.95, within(1e-12));
        }
    }

    @Test
    void everyPeerVectorCase() throws Exception {
        File file = new File(System.getProperty("grposcope.peerVectors", "../../shared/peer-vectors"),
                "flowgrpo-sde-logprob.json");
        assertThat(file).as("peer vectors at %s", file).exists();
        JsonNode root = new ObjectMapper().readTree(file);
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            checkCase(c);
            checked++;
        }
        assertThat(checked).isEqualTo(root.get("cases").size()).isPositive();
    }

    /** Rows may sit at different steps (sde-009), so each row is run as its own batch of one. */
    private static void checkCase(JsonNode c) {
        JsonNode in = c.get("inputs");
        JsonNode out = c.get("outputs").get("result");
        boolean f64 = "float64".equals(c.get("dtype").asText());
        double tol = f64 ? 1e-9 : 2e-5;
        FlowSchedule s = FlowSchedule.of(flat(in.get("scheduler").get("sigmas")), in.get("noise_level").asDouble());
        for (int i = 0; i < in.get("step_index").size(); i++) {
            int k = in.get("step_index").get(i).asInt();
            String id = c.get("id").asText() + " row " + i;
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = row(m, in.get("sample"), i, f64);
                NDArray v = row(m, in.get("model_output"), i, f64);
                StepResult r = in.has("prev_sample") ? FlowSdeMath.score(x, v, row(m, in.get("prev_sample"), i, f64), s, k)
                        : FlowSdeMath.sample(x, v, row(m, in.get("variance_noise"), i, f64), s, k);
                assertClose(id + " mean", f64(r.mean()), flat(out.get("prev_sample_mean").get(i)), tol);
                assertClose(id + " prev_sample", f64(r.prevSample()), flat(out.get("prev_sample").get(i)), tol);
                assertClose(id + " std_dev_t", new double[] {s.sigmaT(k)}, flat(out.get("std_dev_t").get(i)), tol);
                assertClose(id + " log_prob", f64(r.logProb()), new double[] {out.get("log_prob").get(i).asDouble()}, tol);
            }
        }
    }

    private static double[] f64(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static NDArray row(NDManager m, JsonNode batch, int i, boolean f64) {
        NDArray t = tensor(m, batch.get(i), f64);
        return t.expandDims(0);
    }

    private static void assertClose(String what, double[] got, double[] want, double tol) {
        assertThat(got).as(what).hasSize(want.length);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("%s[%d]", what, i).isCloseTo(want[i], within(tol * Math.max(1, Math.abs(want[i]))));
        }
    }

    private static NDArray tensor(NDManager m, JsonNode node, boolean f64) {
        List<Long> dims = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            dims.add((long) n.size());
        }
        Shape shape = new Shape(dims.stream().mapToLong(Long::longValue).toArray());
        double[] v = flat(node);
        if (f64) {
            return m.create(v, shape);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return m.create(f, shape);
    }

    private static double[] flat(JsonNode node) {
        List<Double> out = new ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        } else if (n.isTextual()) {
            out.add(Double.parseDouble(n.asText()));
        } else {
            out.add(n.asDouble());
        }
    }

}
