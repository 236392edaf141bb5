package io.grposcope.core.algo.peer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.Entropy;
import io.grposcope.core.algo.KlEstimator;
import io.grposcope.core.algo.LossAggregation;
import java.util.Map;

/** verl agg_loss, kl_penalty (with gradients) and entropy / log-prob-from-logits cases. */
final class AggKlEntropyChecker {

    private AggKlEntropyChecker() {
    }

    /** Local modes go through our product aggregator; "+global" variants through verl's global arguments. */
    static void aggLoss(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        NDArray loss = PeerJson.tensor(m, c.get("inputs").get("loss_mat"), dt);
        NDArray mask = PeerJson.tensor(m, c.get("inputs").get("loss_mask"), dt);
        Tolerance tol = Tolerance.lookup(tolerances, dtype, 0, "scalars");
        for (Map.Entry<String, JsonNode> v : (Iterable<Map.Entry<String, JsonNode>>) c.get("outputs")::fields) {
            JsonNode kw = v.getValue().get("kwargs");
            AggregationMode mode = AggregationMode.parse(kw.get("loss_agg_mode").asText());
            boolean global = kw.size() > 1;
            NDArray r = global ? PolicyLossChecker.globalBatch(kw).aggregate(loss, mask, mode)
                    : new LossAggregation(mode).aggregate(loss, mask);
            out.scalar(v.getKey() + " loss", PolicyLossChecker.scalar(r), v.getValue().get("loss"), tol);
        }
    }

    /**
     * KL outputs holding an "error" (k1+, k3+, full) are a defect of the peer at that commit: they are left out
     * of the comparison. Our k1+/k3+ are still checked against their definition (value of k1/k3, gradient of k2).
     */
    static void kl(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        Tolerance klTol = Tolerance.lookup(tolerances, dtype, 0, "kl");
        Tolerance gradTol = Tolerance.lookup(tolerances, dtype, 0, "grad_logprob_of_sum");
        for (Map.Entry<String, JsonNode> v : (Iterable<Map.Entry<String, JsonNode>>) c.get("outputs")::fields) {
            String name = v.getValue().get("kwargs").get("kl_penalty").asText();
            if (v.getValue().has("error")) {
                if (name.endsWith("+")) {
                    straightThroughHolds(m, c, dt, KlEstimator.parse(name), klTol, out);
                }
                continue;
            }
            try (NDManager s = m.newSubManager()) {
                double[][] r = klAndGrad(s, c, dt, KlEstimator.parse(name));
                out.array(name + " kl", r[0], v.getValue().get("kl"), klTol);
                out.array(name + " grad", r[1], v.getValue().get("grad_logprob_of_sum"), gradTol);
            }
        }
    }

    private static double[][] klAndGrad(NDManager s, JsonNode c, DataType dt, KlEstimator est) {
        NDArray logp = PeerJson.tensor(s, c.get("inputs").get("logprob"), dt);
        NDArray ref = PeerJson.tensor(s, c.get("inputs").get("ref_logprob"), dt);
        logp.setRequiresGradient(true);
        NDArray kl;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            kl = est.compute(logp, ref);
            gc.backward(kl.sum());
        }
        return new double[][] {PeerJson.values(kl), PeerJson.values(logp.getGradient())};
    }

    private static void straightThroughHolds(NDManager m, JsonNode c, DataType dt, KlEstimator est, Tolerance tol,
                                             Mismatches out) {
        try (NDManager s = m.newSubManager()) {
            double[][] st = klAndGrad(s, c, dt, est);
            double[][] value = klAndGrad(s, c, dt, est == KlEstimator.K1_PLUS ? KlEstimator.K1 : KlEstimator.K3);
            double[][] grad = klAndGrad(s, c, dt, KlEstimator.K2);
            for (int i = 0; i < st[0].length; i++) {
                if (!tol.close(st[0][i], value[0][i]) || !tol.close(st[1][i], grad[1][i])) {
                    out.add(est.key() + " straight-through: value or gradient differs at [" + i + "]");
                    return;
                }
            }
        }
    }

    static void entropy(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        JsonNode in = c.get("inputs");
        NDArray logits = PeerJson.tensor(m, in.get("logits"), dt);
        double scale = PolicyLossChecker.scalar(logits.abs().max());
        Tolerance tol = Tolerance.lookup(tolerances, dtype, scale, "all", "entropy");
        NDArray h = Entropy.fromLogits(logits);
        JsonNode outs = c.get("outputs");
        for (Map.Entry<String, JsonNode> v : (Iterable<Map.Entry<String, JsonNode>>) outs::fields) {
            String key = v.getKey();
            JsonNode e = v.getValue();
            if (key.equals("entropy_from_logits")) {
                out.array(key, PeerJson.values(h), e.get("entropy"), tol);
            } else if (key.equals("logprobs_from_logits")) {
                NDArray labels = m.create(PeerJson.flat(in.get("labels")), h.getShape());
                out.array(key, PeerJson.values(Entropy.logProbsOfLabels(logits, labels)), e.get("logprobs"), tol);
            } else if (key.startsWith("compute_entropy_loss/")) {
                NDArray mask = PeerJson.tensor(m, in.get("response_mask"), dt);
                JsonNode kw = e.get("kwargs");
                AggregationMode mode = AggregationMode.parse(kw.get("loss_agg_mode").asText());
                NDArray loss = kw.size() > 1 ? PolicyLossChecker.globalBatch(kw).aggregate(h, mask, mode)
                        : new LossAggregation(mode).aggregate(h, mask);
                out.scalar(key, PolicyLossChecker.scalar(loss), e.get("entropy_loss"), tol);
            } else {
                out.add("no checker for output '" + key + "'");
            }
        }
    }
}
