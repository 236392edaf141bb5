package io.grposcope.core.engine.flow.report;

import static io.grposcope.core.engine.flow.report.FlowReport.GUARD;
import static io.grposcope.core.engine.flow.report.FlowReport.TEMPFLOW;
import static io.grposcope.core.engine.flow.report.FlowReport.VANILLA;
import static io.grposcope.core.engine.flow.report.FlowReport.f;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import java.util.List;

/** The report's markdown: settings, per-step table, reward table and the checks of each paper's claim. */
final class FlowReportText {
    private final FlowReport r;
    private final RunConfig base;
    private final int steps;
    private final FlowReportPlots plots;

    FlowReportText(FlowReport report, RunConfig base, int steps) {
        this.r = report;
        this.base = base;
        this.steps = steps;
        this.plots = new FlowReportPlots(report, steps);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Flow-GRPO vs GRPO-Guard vs TempFlow-GRPO\n\n");
        sb.append("Written by `grposcope flow-report --out DIR --steps ").append(base.steps())
                .append("`. Task: 2-D point modes (4 prompts, 3 modes each, reward `exp(-|x-T_c|^2/(2*0.5^2))` at one"
                        + " marked mode); velocity MLP pretrained by rectified flow matching, then GRPO.\n\n");
        settings(sb);
        sb.append("![ratio mean](ratio_mean_per_step.png)\n![ratio std](ratio_std_per_step.png)\n"
                + "![log ratio](log_ratio_mean_per_step.png)\n![clip](clip_per_step.png)\n"
                + "![weights](tempflow_weights.png)\n![reward std](reward_std_per_step.png)\n"
                + "![rewards](reward_curves.png)\n\n");
        perStepTable(sb);
        rewardTable(sb);
        checks(sb);
        return sb.toString();
    }

    private void settings(StringBuilder sb) {
        RunConfig.FlowConfig fl = base.flow();
        sb.append("Same for all three: seed ").append(base.seed()).append(", ").append(base.steps())
                .append(" GRPO steps after ").append(fl.pretrainSteps()).append(" pretraining steps, N = ")
                .append(fl.denoisingSteps()).append(" SD3 steps (shift ").append(fl.shift()).append("), a = ")
                .append(fl.noiseLevel()).append(", trained steps k = 0..").append(steps - 1).append(", ")
                .append(base.rollout().promptsPerStep()).append(" prompts x 12 samples per step (TempFlow: 3 seeds x 4"
                        + " branches per step column), eps = ").append(base.ppo().clipHigh()).append(", lr = ")
                .append(base.optimizer().lr()).append(", KL beta = ").append(base.kl().beta()).append(", ")
                .append(base.ppo().minibatches()).append(" minibatches (the first is on-policy, w = 1), global std, adv"
                        + " clip 5. Guard: RatioNorm + 1/dt; TempFlow: tau_k/mean tau, grouped by prompt.\n\n");
    }

    private void perStepTable(StringBuilder sb) {
        double[] vm = r.perStep(VANILLA, "ratio/mean");
        double[] vs = r.perStep(VANILLA, "ratio/std");
        double[] vl = plots.histMean(VANILLA);
        double[] gm = r.perStep(GUARD, "ratio/mean");
        double[] gs = r.perStep(GUARD, "ratio/std");
        double[] gl = plots.histMean(GUARD);
        double[] grm = r.perStep(GUARD, "ratio_raw/mean");
        double[] grs = r.perStep(GUARD, "ratio_raw/std");
        double[] vh = r.perStep(VANILLA, "clip/frac_high");
        double[] vlo = r.perStep(VANILLA, "clip/frac_low");
        double[] gh = r.perStep(GUARD, "clip/frac_high");
        double[] glo = r.perStep(GUARD, "clip/frac_low");
        double[] tau = r.perStep(VANILLA, "tau");
        double[] tw = r.perStep(TEMPFLOW, "weight");
        double[] tstd = r.perStep(TEMPFLOW, "reward/std_group_mean");
        double[] vstd = r.perStep(VANILLA, "reward/std_group_mean");
        sb.append("## Per denoising step (means over all GRPO steps)\n\n");
        sb.append("| k | tau_k | FG mean w | FG std w | FG mean log w | Guard mean w^ | Guard std w^ | Guard mean log w^ |"
                + " Guard raw mean w | Guard raw std w | FG clip hi / lo | Guard clip hi / lo | TF weight |"
                + " TF reward std | FG reward std |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int k = 0; k < steps; k++) {
            sb.append("| ").append(k).append(" | ").append(f(tau[k])).append(" | ").append(f(vm[k])).append(" | ")
                    .append(f(vs[k])).append(" | ").append(f(vl[k])).append(" | ").append(f(gm[k])).append(" | ")
                    .append(f(gs[k])).append(" | ").append(f(gl[k])).append(" | ").append(f(grm[k])).append(" | ")
                    .append(f(grs[k])).append(" | ").append(f(vh[k])).append(" / ").append(f(vlo[k])).append(" | ")
                    .append(f(gh[k])).append(" / ").append(f(glo[k])).append(" | ").append(f(tw[k])).append(" | ")
                    .append(f(tstd[k])).append(" | ").append(f(vstd[k])).append(" |\n");
        }
        sb.append('\n');
    }

    private void rewardTable(StringBuilder sb) {
        sb.append("## Rewards\n\n| method | eval reward at step 0 | eval reward at the end | rollout reward, last 10"
                + " steps | eval hit rate at the end | KL to ref, last step | mean grad norm |\n|---|---|---|---|---|---|---|\n");
        for (String m : FlowReport.methods()) {
            double[][] e = r.curve(m, "eval/reward/mean", "eval/grpo_step");
            double[][] hit = r.curve(m, "eval/hit_rate", "eval/grpo_step");
            List<StepRecord> recs = r.runs().get(m);
            double last10 = 0;
            int n = 0;
            for (int i = Math.max(0, recs.size() - 10); i < recs.size(); i++) {
                last10 += recs.get(i).scalar("reward/mean");
                n++;
            }
            sb.append("| ").append(m).append(" | ").append(f(e[1][0])).append(" | ").append(f(e[1][e[1].length - 1]))
                    .append(" | ").append(f(last10 / Math.max(1, n))).append(" | ").append(f(hit[1][hit[1].length - 1]))
                    .append(" | ").append(f(recs.get(recs.size() - 1).scalar("kl/ref"))).append(" | ")
                    .append(f(r.mean(m, "grad/norm"))).append(" |\n");
        }
        sb.append("\nTempFlow's rollout reward is the reward of its ODE trajectories (its SDE branches are only used"
                + " for training), so compare methods on the fixed-seed eval reward.\n\n");
    }

    private void checks(StringBuilder sb) {
        double[] vl = plots.histMean(VANILLA);
        double[] gl = plots.histMean(GUARD);
        double[] vs = r.perStep(VANILLA, "ratio/std");
        double[] gs = r.perStep(GUARD, "ratio/std");
        double[] tstd = r.perStep(TEMPFLOW, "reward/std_group_mean");
        int last = steps - 1;
        sb.append("## Do the papers' effects appear at this scale?\n\n");
        sb.append("- Flow-GRPO's log-ratio mean per step (GRPO-Guard's symptom: negative, more so at late steps): k=0 ")
                .append(f(vl[0])).append(", k=").append(last).append(' ').append(f(vl[last])).append(" -> ")
                .append(vl[last] < vl[0] && vl[last] < 0 ? "present" : "not present").append(".\n");
        sb.append("- GRPO-Guard's normalised log-ratio mean: k=0 ").append(f(gl[0])).append(", k=").append(last)
                .append(' ').append(f(gl[last])).append(" (max |mean| over steps ").append(f(maxAbs(gl)))
                .append(" vs Flow-GRPO ").append(f(maxAbs(vl))).append(").\n");
        sb.append("- Spread across steps (max/min of per-step ratio std): Flow-GRPO ").append(f(spread(vs)))
                .append(", GRPO-Guard ").append(f(spread(gs))).append(" -> ")
                .append(spread(gs) < spread(vs) ? "Guard equalises the spread" : "Guard does not equalise the spread")
                .append(".\n");
        sb.append("- Positive-advantage clipping (mean clip/frac_high over steps): Flow-GRPO ")
                .append(f(avg(r.perStep(VANILLA, "clip/frac_high")))).append(", GRPO-Guard ")
                .append(f(avg(r.perStep(GUARD, "clip/frac_high")))).append(".\n");
        sb.append("- TempFlow per-step reward std (claim: falls with k): k=0 ").append(f(tstd[0])).append(", k=")
                .append(last).append(' ').append(f(tstd[last])).append(" -> ")
                .append(tstd[last] < tstd[0] ? "present" : "not present").append(".\n");
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double spread(double[] a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo > 0 ? hi / lo : Double.POSITIVE_INFINITY;
    }

    private static double avg(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
