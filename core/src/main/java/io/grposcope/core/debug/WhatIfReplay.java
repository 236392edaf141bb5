package io.grposcope.core.debug;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replays a captured batch on the engine thread without applying updates: per-sample attribution on demand, and
 * what-if comparisons of the original settings against changed ones (another method plugin, ε, aggregation,
 * Guard on/off, normalisation, samples left out). The results are plain values, safe to hand to the UI.
 */
public final class WhatIfReplay {

    private final EngineExecutor engine;
    private final ReplayBackend backend;

    public WhatIfReplay(EngineExecutor engine, ReplayBackend backend) {
        this.engine = engine;
        this.backend = backend;
    }

    /** Samples ranked by the gradient norm of their own loss term under the original settings. */
    public CompletableFuture<List<SampleAttribution>> attribute(BatchCapture batch) {
        return engine.submit(() -> SampleAttribution.rank(batch,
                backend.replay(batch, ReplaySettings.original(batch), true)));
    }

    /** The ranking plus the replay behind it (whose per-timestep split flow runs show). */
    public record Attribution(List<SampleAttribution> ranked, ReplayResult replay) {
    }

    /** As {@link #attribute}, keeping the replay (loss, norms, per-timestep split for flow batches). */
    public CompletableFuture<Attribution> attribution(BatchCapture batch) {
        return engine.submit(() -> {
            ReplayResult r = backend.replay(batch, ReplaySettings.original(batch), true);
            return new Attribution(SampleAttribution.rank(batch, r), r);
        });
    }

    /** Replays under the original settings, then under {@code alternative}, both with per-sample norms. */
    public CompletableFuture<WhatIfComparison> compare(BatchCapture batch, ReplaySettings alternative) {
        ReplaySettings base = ReplaySettings.original(batch);
        return engine.submit(() -> {
            ReplayResult b = backend.replay(batch, base, true);
            ReplayResult a = backend.replay(batch, alternative, true);
            return new WhatIfComparison(batch, base, alternative, b, a, SampleAttribution.rank(batch, b),
                    SampleAttribution.rank(batch, a));
        });
    }
}
