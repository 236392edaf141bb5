package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportImportTest {

    @TempDir
    Path dir;

    private RunIds writeRun(RunStore store) {
        RunIds ids = store.createRun(RunConfig.defaults(), "exp");
        try (StoreWriter w = store.writer(ids)) {
            w.onStep(StepRecord.builder(1, "grpo").scalar("loss", 0.5).scalar("reward/mean", Double.NaN).build());
            w.onStep(StepRecord.builder(2, "grpo").scalar("loss", Double.POSITIVE_INFINITY).build());
            w.onStep(StepRecord.builder(3, "grpo").scalar("loss", Double.NEGATIVE_INFINITY)
                    .scalar("reward/mean", 0.1 + 0.2).build());
        }
        return ids;
    }

    @Test
    void jsonlUsesVerlLineFormatWithNonFiniteAsStrings() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = writeRun(store);
            StringWriter out = new StringWriter();
            assertThat(new RunExporter(store).export(ids, RunExporter.Format.JSONL, out)).isEqualTo(3);
            assertThat(out.toString()).isEqualTo("""
                    {"step":1,"data":{"loss":0.5,"reward/mean":"NaN"}}
                    {"step":2,"data":{"loss":"Infinity"}}
                    {"step":3,"data":{"loss":"-Infinity","reward/mean":0.30000000000000004}}
                    """);
        }
    }

    @Test
    void csvHasOneRowPerStepAndEmptyCellsForMissingValues() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = writeRun(store);
            StringWriter out = new StringWriter();
            new RunExporter(store).export(ids, RunExporter.Format.CSV, out);
            String[] lines = out.toString().split("\n");
            assertThat(lines[0]).isEqualTo("step,wall_time_ms,phase,loss,reward/mean");
            assertThat(lines[1]).startsWith("1,").endsWith(",grpo,0.5,NaN");
            assertThat(lines[2]).endsWith(",grpo,Infinity,");
            assertThat(lines).hasSize(4);
        }
    }

    @Test
    void exportedJsonlImportsBackExactly() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = writeRun(store);
            StringWriter out = new StringWriter();
            new RunExporter(store).export(ids, RunExporter.Format.JSONL, out);
            RunImporter.Result r = new RunImporter(store).importJsonl(
                    new BufferedReader(new StringReader(out.toString())), "copy", "mem.jsonl");
            assertThat(r.problems()).isEmpty();
            assertThat(store.rawSeries(r.ids(), "loss", 0, 10).values())
                    .containsExactly(0.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(store.rawSeries(r.ids(), "reward/mean", 0, 10).values())
                    .containsExactly(Double.NaN, 0.1 + 0.2);
            assertThat(store.run(r.ids().runId()).orElseThrow().status()).isEqualTo("IMPORTED");
        }
    }

    @Test
    void nullIsFlaggedNonFiniteAndMalformedLinesAreReportedWhileTheRestImports() throws Exception {
        String log = """
                {"step": 1, "data": {"actor/pg_loss": 0.25, "actor/grad_norm": null}}
                {"step": 2, "data": {"actor/pg_loss": 0.5, "actor/grad_norm": 3.0
                {"step": 3, "data": {"actor/pg_loss": NaN, "critic": {"score/mean": "Infinity"}, "note": "hi"}}
                {"data": {"x": 1}}
                {"step": 4, "data": {"actor/pg_loss": -1e308, "actor/grad_norm": 2}}
                """;
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunImporter.Result r = new RunImporter(store).importJsonl(new BufferedReader(new StringReader(log)),
                    "verl", "verl.jsonl");
            assertThat(r.steps()).isEqualTo(3);
            assertThat(r.nullsFlagged()).isEqualTo(1);
            assertThat(r.problems()).hasSize(3);
            assertThat(r.problems().get(0)).startsWith("verl.jsonl:2: not valid JSON");
            assertThat(r.problems().get(1)).startsWith("verl.jsonl:3: value of \"note\"");
            assertThat(r.problems().get(2)).startsWith("verl.jsonl:4: expected");
            RawSeries g = store.rawSeries(r.ids(), "actor/grad_norm", 0, 10);
            assertThat(g.steps()).containsExactly(1, 4);
            assertThat(g.values()[0]).isNaN();
            assertThat(g.values()[1]).isEqualTo(2.0);
            assertThat(store.rawSeries(r.ids(), "actor/pg_loss", 0, 10).values())
                    .containsExactly(0.25, Double.NaN, -1e308);
            assertThat(store.rawSeries(r.ids(), "critic/score/mean", 0, 10).values())
                    .containsExactly(Double.POSITIVE_INFINITY);
            assertThat(store.events(r.ids(), 0, 10)).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.NON_FINITE);
                assertThat(e.step()).isEqualTo(1);
                assertThat(e.data()).containsEntry("tags", "actor/grad_norm").containsEntry("source_line", "1");
            });
            assertThat(store.run(r.ids().runId()).orElseThrow().method()).isEqualTo("imported");
        }
    }

    @Test
    void eventsRoundTripThroughTheWriter() {
        try (RunStore store = RunStore.open(dir.resolve("w.db"))) {
            RunIds ids = store.createRun(RunConfig.defaults(), "ev");
            store.appendEvent(ids, RunEvent.of(4, EventType.PAUSE, "paused by user"));
            assertThat(store.events(ids, 0, 10)).extracting(RunEvent::message).containsExactly("paused by user");
        }
    }
}
