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

/** The inspector's actions for a stored run: everything that needs the trainer is refused with the reason. */
final class ReadOnlyInspectorActions implements InspectorActions {

    static final ReadOnlyInspectorActions INSTANCE = new ReadOnlyInspectorActions();
    static final String WHY = "this run is not training in this window: attribution, what-if replay and roll back "
            + "need its trainer";

    private ReadOnlyInspectorActions() {
    }

    @Override
    public boolean canReplay() {
        return false;
    }

    @Override
    public CompletableFuture<List<SampleAttribution>> attribute(BatchCapture batch) {
        return CompletableFuture.failedFuture(new IllegalStateException(WHY));
    }

    @Override
    public CompletableFuture<WhatIfComparison> whatIf(BatchCapture batch, ReplaySettings settings) {
        return CompletableFuture.failedFuture(new IllegalStateException(WHY));
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        return List.of();
    }

    @Override
    public CompletableFuture<BranchController.Rollback> rollback(RollbackRequest request) {
        return CompletableFuture.failedFuture(new IllegalStateException(WHY));
    }
}
