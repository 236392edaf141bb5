package io.grposcope.core.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * Runs a block with another libtorch intra-op thread count on the calling thread and restores the count after.
 * Token-by-token decoding issues ~60 tiny ops per token; with two OpenMP threads on a shared 2-core machine every
 * op's fork/join stalls whenever the other core is taken (JIT compiler, UI, another process). Measured with
 * EngineBench speed on the project machine: KV-cache sampling 64×32 per-iteration times 51–299 ms with 2 threads
 * vs 47–98 ms with 1. The batch-wide train step keeps its threads.
 */
public final class IntraOpThreads {

    /** Decoding threads; {@code -Dgrposcope.sample.threads=N} overrides (0 keeps the process setting). */
    public static final int SAMPLING = Integer.getInteger("grposcope.sample.threads", 1);

    private IntraOpThreads() {
    }

    /**
     * Runs {@code body} with {@code n} intra-op threads (n ≤ 0, or an engine other than PyTorch: unchanged). In
     * libtorch the count is per calling thread (OpenMP and MKL settings), plus the default that threads starting
     * meanwhile pick up, which is why it is restored at once.
     */
    public static <T> T with(int n, Supplier<T> body) {
        if (n <= 0 || !(Engine.getInstance() instanceof PtEngine)) {
            return body.get();
        }
        int before = JniUtils.getNumThreads();
        if (before == n) {
            return body.get();
        }
        JniUtils.setNumThreads(n);
        try {
            return body.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
