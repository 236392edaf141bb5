package io.grposcope.app.ui.run;

import java.util.List;

/**
 * A line chart of the dashboard: glossary key (also the title), the tags it draws (the first tag present of
 * each alternative group, since trainers name some metrics differently), which are stacked, and log scale.
 */
record ChartSpec(String key, List<List<String>> tags, List<String> stacked, boolean log) {

    static ChartSpec of(String key, String... tags) {
        return new ChartSpec(key, java.util.Arrays.stream(tags).map(List::of).toList(), List.of(), false);
    }

    ChartSpec withLog() {
        return new ChartSpec(key, tags, stacked, true);
    }

    ChartSpec withAlternatives(List<String> alternatives) {
        List<List<String>> t = new java.util.ArrayList<>(tags);
        t.add(alternatives);
        return new ChartSpec(key, t, stacked, log);
    }

    /** The dashboard's line charts, in reading order. */
    static List<ChartSpec> dashboard() {
        return List.of(
                ChartSpec.of("reward/mean", "reward/mean", "eval/reward/mean"),
                ChartSpec.of("grad/norm", "grad/norm").withLog(),
                new ChartSpec("clip/frac_high", List.of(List.of("clip/frac_high"), List.of("clip/frac_low"),
                        List.of("clip/frac_dual")), List.of("clip/frac_high", "clip/frac_low"), false),
                ChartSpec.of("entropy/token_mean", "entropy/token_mean"),
                ChartSpec.of("kl/ref", "kl/ref", "kl/old_k1"),
                ChartSpec.of("len/mean", "len/mean", "len/max"),
                ChartSpec.of("reward/frac_zero_std", "reward/frac_zero_std", "reward/std_group_mean"),
                ChartSpec.of("loss/policy", "loss/policy", "loss/total"),
                ChartSpec.of("lr", "lr").withLog(),
                new ChartSpec("perf/throughput", List.of(List.of("perf/throughput", "perf/tokens_per_s",
                        "timing_s/step")), List.of(), false),
                ChartSpec.of("warm_start/loss", "warm_start/loss"));
    }

    /**
     * A flow run's line charts, in reading order: only names the flow trainer writes (no token, length or
     * entropy metrics). Reward and gradient norm first (as for token runs; the norm also covers pretraining), then
     * the importance ratio's drift and spread (what GRPO-Guard is about), clipping, hit rate, KL and losses;
     * loss/fm covers the pretraining phase.
     */
    static List<ChartSpec> flowDashboard() {
        return List.of(
                ChartSpec.of("reward/mean", "reward/mean", "eval/reward/mean"),
                ChartSpec.of("grad/norm", "grad/norm").withLog(),
                ChartSpec.of("ratio/mean", "ratio/mean"),
                ChartSpec.of("ratio/std", "ratio/std"),
                new ChartSpec("clip/frac_high", List.of(List.of("clip/frac_high"), List.of("clip/frac_low")),
                        List.of("clip/frac_high", "clip/frac_low"), false),
                ChartSpec.of("clip/frac_abs_gt_eps", "clip/frac_abs_gt_eps"),
                ChartSpec.of("reward/hit_rate", "reward/hit_rate", "eval/hit_rate"),
                ChartSpec.of("kl/ref", "kl/ref"),
                ChartSpec.of("loss/policy", "loss/policy"),
                ChartSpec.of("loss/fm", "loss/fm"),
                ChartSpec.of("lr", "lr").withLog(),
                // continuous rewards: groups with zero std do not happen, the within-group spread is the signal
                ChartSpec.of("reward/std_group_mean", "reward/std_group_mean"),
                ChartSpec.of("timing_s/rollout", "timing_s/rollout", "timing_s/update"));
    }
}
