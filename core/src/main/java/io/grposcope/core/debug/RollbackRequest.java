package io.grposcope.core.debug;

import io.grposcope.core.control.LiveParam;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a person asks for when rolling back: the step to go back to (the newest checkpoint at or before it is
 * restored), parameter changes for the new branch, a batch to skip (-1 for none), and whether to resume at once.
 */
public record RollbackRequest(long toStep, Map<LiveParam, Double> paramChanges, long skipBatchAtStep, boolean resume,
                              String label) {

    public RollbackRequest {
        paramChanges = paramChanges.isEmpty() ? Map.of() : new EnumMap<>(paramChanges);
        label = label == null || label.isBlank() ? "rollback to " + toStep : label;
    }

    public static RollbackRequest to(long step) {
        return new RollbackRequest(step, Map.of(), -1, false, null);
    }

    public RollbackRequest withParam(LiveParam p, double v) {
        Map<LiveParam, Double> m = new EnumMap<>(LiveParam.class);
        m.putAll(paramChanges);
        m.put(p, v);
        return new RollbackRequest(toStep, m, skipBatchAtStep, resume, label);
    }

    public RollbackRequest skippingBatchAt(long step) {
        return new RollbackRequest(toStep, paramChanges, step, resume, label);
    }

    public RollbackRequest resuming() {
        return new RollbackRequest(toStep, paramChanges, skipBatchAtStep, true, label);
    }
}
