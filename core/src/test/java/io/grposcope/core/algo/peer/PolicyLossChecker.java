package io.grposcope.core.algo.peer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import io.grposcope.core.algo.AggregationMode;
import io.grposcope.core.algo.ClipStatistics;
import io.grposcope.core.algo.Gspo;
import io.grposcope.core.algo.MaskedMath;
import io.grposcope.core.algo.PpoClip;
import io.grposcope.core.algo.TokenRatio;
import io.grposcope.core.algo.VerlGlobalBatch;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.Hooks;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.LossTerms;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.algo.spi.MethodParams;
import io.grposcope.core.algo.spi.Regularizer;
import java.util.Map;

/**
 * verl compute_policy_loss_vanilla and compute_policy_loss_gspo cases, run through the SPI's {@link Method#loss}
 * pipeline (ratio → clip → rollout IS weights → aggregator) with DJL autograd for ∂pg_loss/∂log_prob.
 */
final class PolicyLossChecker {

    private PolicyLossChecker() {
    }

    static void check(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        boolean gspo = c.get("function").asText().contains("gspo");
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        JsonNode in = c.get("inputs");
        JsonNode cfg = in.get("config");
        ClipBounds bounds = bounds(cfg, gspo);
        Tolerance scalarTol = Tolerance.lookup(tolerances, dtype, 0, "scalars");
        Tolerance gradTol = Tolerance.lookup(tolerances, dtype, 0, "grad_log_prob");
        for (Map.Entry<String, JsonNode> v : (Iterable<Map.Entry<String, JsonNode>>) c.get("outputs")::fields) {
            try (NDManager s = m.newSubManager()) {
                NDArray logp = PeerJson.tensor(s, in.get("log_prob"), dt);
                NDArray old = PeerJson.tensor(s, in.get("old_log_prob"), dt);
                NDArray adv = PeerJson.tensor(s, in.get("advantages"), dt);
                NDArray mask = PeerJson.tensor(s, in.get("response_mask"), dt);
                JsonNode w = in.get("rollout_is_weights");
                NDArray weights = w == null || w.isNull() ? null : PeerJson.tensor(s, w, dt);
                AggregationMode mode = gspo ? AggregationMode.SEQ_MEAN_TOKEN_MEAN
                        : AggregationMode.parse(v.getValue().get("kwargs").get("loss_agg_mode").asText());
                Method method = method(gspo, weights, globalBatch(cfg.get("global_batch_info")), mode);
                logp.setRequiresGradient(true);
                LossInputs li = new LossInputs(logp, old, null, mask, adv, null, null);
                LossTerms terms;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    terms = method.loss(li, new LossSettings(bounds, 0.0, 0.0));
                    gc.backward(terms.total());
                }
                String name = v.getKey();
                JsonNode e = v.getValue();
                out.scalar(name + " pg_loss", scalar(terms.total()), e.get("pg_loss"), scalarTol);
                out.array(name + " grad_log_prob", PeerJson.values(logp.getGradient()), e.get("grad_log_prob"),
                        gradTol);
                NDArray tokenLogRatio = gspo ? logp.sub(old)
                        : logp.sub(old).clip(-TokenRatio.LOG_RATIO_CLAMP, TokenRatio.LOG_RATIO_CLAMP);
                ClipStatistics st = ClipStatistics.compute(tokenLogRatio.stopGradient(),
                        terms.ratio().ratio().stopGradient(), adv, mask, bounds);
                out.scalar(name + " pg_clipfrac", st.verlClipFrac(), e.get("pg_clipfrac"), scalarTol);
                out.scalar(name + " pg_clipfrac_lower", st.verlClipFracLower(), e.get("pg_clipfrac_lower"),
                        scalarTol);
                out.scalar(name + " ppo_kl", st.verlPpoKl(), e.get("ppo_kl"), scalarTol);
            }
        }
    }

    private static Method method(boolean gspo, NDArray weights, VerlGlobalBatch global, AggregationMode mode) {
        Hooks hooks = Hooks.builder()
                .ratioTransform(gspo ? new Gspo() : new TokenRatio())
                .clipRule(new PpoClip())
                .tokenWeighting(in -> weights)
                .aggregator((loss, mask) -> global.aggregate(loss, mask, mode))
                .regularizer(Regularizer.none())
                .build();
        return new Method(gspo ? "verl_gspo" : "verl_vanilla", "verl", MethodParams.of(Map.of()), hooks);
    }

    /** verl's config: null low/high fall back to clip_ratio; GSPO has no dual clip. */
    private static ClipBounds bounds(JsonNode cfg, boolean gspo) {
        double eps = cfg.get("clip_ratio").asDouble();
        double low = cfg.path("clip_ratio_low").isNumber() ? cfg.get("clip_ratio_low").asDouble() : eps;
        double high = cfg.path("clip_ratio_high").isNumber() ? cfg.get("clip_ratio_high").asDouble() : eps;
        double c = gspo ? Double.POSITIVE_INFINITY : cfg.path("clip_ratio_c").asDouble(3.0);
        return new ClipBounds(low, high, c, Double.POSITIVE_INFINITY);
    }

    static VerlGlobalBatch globalBatch(JsonNode kw) {
        if (kw == null) {
            return VerlGlobalBatch.local();
        }
        return new VerlGlobalBatch(kw.path("dp_size").asInt(1), optional(kw, "batch_num_tokens"),
                optional(kw, "global_batch_size"), optional(kw, "loss_scale_factor"));
    }

    private static Double optional(JsonNode kw, String key) {
        JsonNode n = kw.get(key);
        return n == null || n.isNull() ? null : n.asDouble();
    }

    static double scalar(NDArray a) {
        return a.toType(DataType.FLOAT64, false).getDouble();
    }

    static double maskedMean(NDArray x, NDArray mask) {
        return scalar(MaskedMath.mean(x, mask));
    }
}
