package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.BranchController;
import io.grposcope.core.debug.CheckpointInfo;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.debug.ReplaySettings;
import io.grposcope.core.debug.RollbackRequest;
import io.grposcope.core.debug.SampleAttribution;
import io.grposcope.core.debug.WhatIfComparison;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The inspector's actions on a live run's {@link DebugSession}; refusals arrive as failed futures. */
public final class SessionInspectorActions implements InspectorActions {

    private final DebugSession session;

    public SessionInspectorActions(DebugSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<List<SampleAttribution>> attribute(BatchCapture batch) {
        try {
            return session.whatIf().attribute(batch);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<io.grposcope.core.debug.WhatIfReplay.Attribution> attribution(BatchCapture batch) {
        try {
            return session.whatIf().attribution(batch);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<WhatIfComparison> whatIf(BatchCapture batch, ReplaySettings settings) {
        try {
            return session.whatIf().compare(batch, settings);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        return session.checkpointsOnLineage();
    }

    @Override
    public CompletableFuture<BranchController.Rollback> rollback(RollbackRequest request) {
        try {
            return session.branches().rollback(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
