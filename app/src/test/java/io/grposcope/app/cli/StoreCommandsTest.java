package io.grposcope.app.cli;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCommandsTest {

    @TempDir
    Path dir;

    @Test
    void exportThenImportThenListThroughTheCommandLine() throws Exception {
        Path db = dir.resolve("w.db");
        try (RunStore store = RunStore.open(db)) {
            RunIds ids = store.createRun(RunConfig.defaults(), "cli-run");
            try (StoreWriter w = store.writer(ids)) {
                for (long s = 1; s <= 5; s++) {
                    w.onStep(StepRecord.builder(s, "grpo").scalar("reward/mean", s / 10.0).build());
                }
            }
        }
        Path jsonl = dir.resolve("out.jsonl");
        assertThat(new CommandLine(new ExportCommand()).execute("--run", "1", "--format", "jsonl", "--out",
                jsonl.toString(), "--workspace", db.toString())).isZero();
        assertThat(Files.readAllLines(jsonl)).hasSize(5).first().isEqualTo("{\"step\":1,\"data\":{\"reward/mean\":0.1}}");
        Path csv = dir.resolve("out.csv");
        assertThat(new CommandLine(new ExportCommand()).execute("--run", "1", "--format", "csv", "--out",
                csv.toString(), "--workspace", db.toString())).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(6);
        assertThat(new CommandLine(new ImportCommand()).execute(jsonl.toString(), "--workspace", db.toString()))
                .isZero();
        String listing = capture(() -> new CommandLine(new RunsCommand()).execute("--workspace", db.toString()));
        assertThat(listing).contains("cli-run").contains("out.jsonl").contains("imported").contains("IMPORTED")
                .contains("0.5000");
        assertThat(new CommandLine(new ExportCommand()).execute("--run", "9", "--format", "csv", "--out",
                csv.toString(), "--workspace", db.toString())).isEqualTo(2);
    }

    private static String capture(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
