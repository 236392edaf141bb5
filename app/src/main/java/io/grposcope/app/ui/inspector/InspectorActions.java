package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.BranchController;
import io.grposcope.core.debug.CheckpointInfo;
import io.grposcope.core.debug.ReplaySettings;
import io.grposcope.core.debug.RollbackRequest;
import io.grposcope.core.debug.SampleAttribution;
import io.grposcope.core.debug.WhatIfComparison;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the inspector asks of the running session; every call returns at once and completes later (the work
 * happens on the engine thread). A session without a trainer (a finished run opened from the store) may refuse
 * with a failed future, and the inspector shows why.
 */
public interface InspectorActions {

    CompletableFuture<List<SampleAttribution>> attribute(BatchCapture batch);

    /** Whether replays and roll back can run (false for a stored run: its trainer is not here). */
    default boolean canReplay() {
        return true;
    }

    /** The attribution with the replay behind it (flow runs: the per-timestep split); by default without it. */
    default CompletableFuture<io.grposcope.core.debug.WhatIfReplay.Attribution> attribution(BatchCapture batch) {
        return attribute(batch).thenApply(r -> new io.grposcope.core.debug.WhatIfReplay.Attribution(r, null));
    }

    CompletableFuture<WhatIfComparison> whatIf(BatchCapture batch, ReplaySettings settings);

    List<CheckpointInfo> checkpoints();

    CompletableFuture<BranchController.Rollback> rollback(RollbackRequest request);
}
