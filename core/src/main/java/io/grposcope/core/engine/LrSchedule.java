package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;

/**
 * Learning rate at an optimizer step: linear warm-up from lr/warmup to lr over the first warmupSteps steps, then
 * "constant", "linear" (to 0 at the last step) or "cosine" (half cosine to 0) decay.
 */
public final class LrSchedule {

    private LrSchedule() {
    }

    /** @param index 0-based GRPO step; {@code base} is the live (possibly changed) learning rate */
    public static double lr(RunConfig.OptimizerConfig o, double base, int index, int totalSteps) {
        int warm = Math.max(0, o.warmupSteps());
        if (index < warm) {
            return base * (index + 1) / warm;
        }
        double progress = totalSteps <= warm ? 0 : Math.min(1.0, (double) (index - warm) / (totalSteps - warm));
        String schedule = o.schedule() == null ? "constant" : o.schedule();
        return switch (schedule) {
            case "constant" -> base;
            case "linear" -> base * (1 - progress);
            case "cosine" -> base * 0.5 * (1 + Math.cos(Math.PI * progress));
            default -> throw new IllegalArgumentException("optimizer.schedule must be constant, linear or cosine, got '"
                    + schedule + "'");
        };
    }
}
