package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;

import java.nio.file.Path;

/**
 * Child process of the crash test: writes steps through a StoreWriter as fast as a 1 ms pace allows and prints
 * each handed-over step number, until it is killed.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "crash");
            StoreWriter w = store.writer(ids);
            System.out.println("RUN " + ids.runId() + " " + ids.branchId());
            System.out.flush();
            for (long s = 0; ; s++) {
                w.onStep(StepRecord.builder(s, "grpo").scalar("loss", s).scalar("reward/mean", -s)
                        .layerNorm("l0", s).build());
                System.out.println(s);
                System.out.flush();
                Thread.sleep(1);
            }
        }
    }
}
