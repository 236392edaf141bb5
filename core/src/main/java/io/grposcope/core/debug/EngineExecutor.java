package io.grposcope.core.debug;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a task on the engine thread at the next step boundary; {@code EngineLoop::runOnEngine} is one. The
 * debugger touches the model only through this.
 */
public interface EngineExecutor {
    <T> CompletableFuture<T> submit(Callable<T> task);

    /** Runs tasks on the calling thread: for tests and for tools that own the model on their own thread. */
    static EngineExecutor direct() {
        return new EngineExecutor() {
            @Override
            public <T> CompletableFuture<T> submit(Callable<T> task) {
                try {
                    return CompletableFuture.completedFuture(task.call());
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }
}
