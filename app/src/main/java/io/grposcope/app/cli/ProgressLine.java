package io.grposcope.app.cli;

import io.grposcope.core.metrics.StepRecord;

import java.util.Locale;

/** One short line per step for the headless {@code train} command. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String of(StepRecord r) {
        if (StepRecord.PHASE_WARM_START.equals(r.phase())) {
            return String.format(Locale.ROOT, "step %4d [warm_start] loss %.4f p(target) %.3f grad %.3f %.3fs",
                    r.step(), r.scalar("warm_start/loss"), r.scalar("warm_start/target_prob"),
                    r.scalar("grad/norm"), r.scalar("timing_s/step"));
        }
        return String.format(Locale.ROOT, "step %4d [%s] reward %.3f acc %.3f zero-std %.2f kl %.4f entropy %.3f"
                        + " grad %.3f clip %.3f len %.2f lr %.1e %.3fs%s",
                r.step(), r.phase(), r.scalar("reward/mean"), r.scalar("reward/accuracy"),
                r.scalar("reward/frac_zero_std"), r.scalar("kl/ref"), r.scalar("entropy/token_mean"),
                r.scalar("grad/norm"), r.scalar("clip/frac_region"), r.scalar("len/mean"), r.scalar("lr"),
                r.scalar("timing_s/step"), r.events().isEmpty() ? "" : "  events: " + r.events().size());
    }
}
