package io.grposcope.core.algo.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.grposcope.core.algo.GroupAdvantage;
import io.grposcope.core.algo.GroupAdvantage.Normalization;
import io.grposcope.core.algo.GroupIndex;
import java.util.Arrays;
import java.util.Map;

/**
 * verl compute_grpo_outcome_advantage (loop) and compute_grpo_vectorized_outcome_advantage cases. In cases
 * marked ill_conditioned, rows of all-equal groups are compared with abs 0.05 (the peer README's rule): verl
 * returns a rounding residue divided by ε there, ours returns 0 for the loop variant.
 */
final class AdvantageChecker {

    private static final Tolerance ILL_CONDITIONED = new Tolerance(0, 0.05);

    private AdvantageChecker() {
    }

    static void check(NDManager m, JsonNode c, JsonNode tolerances, Mismatches out) {
        String fn = c.get("function").asText();
        boolean vectorized = fn.contains("vectorized");
        String dtype = c.get("dtype").asText();
        DataType dt = PeerJson.dtype(dtype);
        JsonNode in = c.get("inputs");
        NDArray rewards = PeerJson.tensor(m, in.get("token_level_rewards"), dt);
        NDArray mask = PeerJson.tensor(m, in.get("response_mask"), dt);
        GroupIndex groups = GroupIndex.of(Arrays.asList(PeerJson.strings(in.get("index"))));
        NDArray scores = GroupAdvantage.scores(rewards);
        boolean[] flatRow = flatRows(PeerJson.values(scores), groups);
        boolean ill = c.path("ill_conditioned").asBoolean(false);
        long t = rewards.getShape().get(1);
        Tolerance tol = Tolerance.lookup(tolerances, dtype, 0, fn + "/" + dtype, fn);
        for (Map.Entry<String, JsonNode> v : (Iterable<Map.Entry<String, JsonNode>>) c.get("outputs")::fields) {
            JsonNode kw = v.getValue().get("kwargs");
            boolean byStd = kw.get("norm_adv_by_std_in_grpo").asBoolean();
            GroupAdvantage.Options o = options(vectorized, byStd, kw.get("epsilon").asDouble());
            NDArray adv = new GroupAdvantage(o).estimate(scores, groups).expandDims(1).mul(mask);
            double[] a = PeerJson.values(adv);
            String name = v.getKey();
            out.array(name + " advantages", a, v.getValue().get("advantages"), tol,
                    i -> ill && flatRow[(int) (i / t)], ILL_CONDITIONED);
            out.array(name + " returns", a, v.getValue().get("returns"), tol,
                    i -> ill && flatRow[(int) (i / t)], ILL_CONDITIONED);
            JsonNode rd = v.getValue().get("result_dtype");
            if (rd != null && !rd.asText().equals(PeerJson.dtypeName(adv))) {
                out.add(name + " result dtype " + PeerJson.dtypeName(adv) + ", expected " + rd.asText());
            }
        }
    }

    private static GroupAdvantage.Options options(boolean vectorized, boolean byStd, double eps) {
        Normalization n = vectorized ? (byStd ? Normalization.VERL_VECTORIZED
                : Normalization.VERL_VECTORIZED_MEAN_CENTRED)
                : (byStd ? Normalization.Z_SCORE : Normalization.MEAN_CENTRED);
        return new GroupAdvantage.Options(n, GroupAdvantage.StdKind.UNBIASED, eps,
                GroupAdvantage.Singleton.RAW_SCORE, true);
    }

    /** Rows whose group (of two or more) has exactly equal scores. */
    private static boolean[] flatRows(double[] scores, GroupIndex groups) {
        boolean[] flat = new boolean[scores.length];
        for (int g = 0; g < groups.groupCount(); g++) {
            int[] rows = groups.members(g);
            boolean equal = rows.length > 1;
            for (int r : rows) {
                equal &= scores[r] == scores[rows[0]];
            }
            for (int r : rows) {
                flat[r] = equal;
            }
        }
        return flat;
    }
}
