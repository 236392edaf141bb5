package io.grposcope.core.algo.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.grposcope.core.algo.flow.FlowSteps;
import io.grposcope.core.algo.flow.StepResult;

/** flow_grpo sde_step_with_logprob cases: scoring a given x' or sampling with given noise. */
final class FlowSdeChecker {

    private FlowSdeChecker() {
    }

    static void check(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        JsonNode in = c.get("inputs");
        double[] sigmas = PeerJson.flat(in.get("scheduler").get("sigmas"));
        double[] idx = PeerJson.flat(in.get("step_index"));
        double[] s = new double[idx.length];
        double[] sn = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            s[i] = sigmas[(int) idx[i]];
            sn[i] = sigmas[(int) idx[i] + 1];
        }
        NDArray x = PeerJson.tensor(m, in.get("sample"), dt);
        NDArray v = PeerJson.tensor(m, in.get("model_output"), dt);
        NDArray prev = in.has("prev_sample") ? PeerJson.tensor(m, in.get("prev_sample"), dt) : null;
        NDArray noise = in.has("variance_noise") ? PeerJson.tensor(m, in.get("variance_noise"), dt) : null;
        StepResult r = FlowSteps.flowSde(x, v, m.create(s).toType(dt, false), m.create(sn).toType(dt, false),
                in.get("noise_level").asDouble(), sigmas[1], prev, noise);
        Tolerance tol = Tolerance.lookup(tolerances, dtype, 0, dtype);
        JsonNode e = c.get("outputs").get("result");
        out.array("prev_sample", PeerJson.values(r.prevSample()), e.get("prev_sample"), tol);
        out.array("prev_sample_mean", PeerJson.values(r.mean()), e.get("prev_sample_mean"), tol);
        out.array("std_dev_t", PeerJson.values(r.stdDevT()), e.get("std_dev_t"), tol);
        out.array("log_prob", PeerJson.values(r.logProb()), e.get("log_prob"), tol);
        JsonNode rd = e.get("result_dtype");
        if (rd != null && !rd.asText().equals(PeerJson.dtypeName(r.logProb()))) {
            out.add("result dtype " + PeerJson.dtypeName(r.logProb()) + ", expected " + rd.asText());
        }
    }
}
