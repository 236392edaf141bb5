package io.grposcope.core.debug;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-sample gradient attribution: the gradient norm of each sample's own loss term and its share of the sum of
 * those norms (shares add up to 1), ranked largest first. The sum of norms bounds the batch gradient norm from
 * above (triangle inequality), so a sample with a large share can on its own explain a spike.
 */
public record SampleAttribution(int index, int groupId, double gradNorm, double share, int rank) {

    /** Ranks the capture's samples by the per-sample norms of {@code result}. */
    public static List<SampleAttribution> rank(BatchCapture batch, ReplayResult result) {
        if (!result.hasSampleNorms()) {
            throw new IllegalArgumentException("replay of step " + batch.step() + " has no per-sample gradient norms");
        }
        double[] norms = result.sampleGradNorms();
        if (norms.length != batch.samples().size()) {
            throw new IllegalArgumentException("replay gave " + norms.length + " per-sample norms for "
                    + batch.samples().size() + " captured samples of step " + batch.step());
        }
        double total = 0;
        for (double n : norms) {
            total += Double.isFinite(n) ? n : 0;
        }
        List<int[]> order = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            order.add(new int[]{i});
        }
        order.sort(Comparator.comparingDouble((int[] o) -> sortKey(norms[o[0]])).reversed());
        List<SampleAttribution> out = new ArrayList<>(norms.length);
        for (int r = 0; r < order.size(); r++) {
            int i = order.get(r)[0];
            CapturedSample s = batch.samples().get(i);
            double share = !Double.isFinite(norms[i]) ? Double.NaN : total > 0 ? norms[i] / total : 0;
            out.add(new SampleAttribution(s.index(), s.groupId(), norms[i], share, r + 1));
        }
        return out;
    }

    // Non-finite norms rank first: they are what a person looks for after a NaN step.
    private static double sortKey(double n) {
        return Double.isFinite(n) ? n : Double.POSITIVE_INFINITY;
    }
}
