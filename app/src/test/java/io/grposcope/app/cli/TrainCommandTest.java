package io.grposcope.app.cli;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainCommandTest {

    private static final String[] EXAMPLES = {"addition", "addition-2digit", "sort", "countdown", "dr-grpo-addition",
            "dapo-addition"};

    @TempDir
    Path dir;

    private Path example(String name) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        try (InputStream in = getClass().getResourceAsStream("/io/grposcope/assets/configs/" + name + ".yaml")) {
            assertThat(in).as("example config " + name).isNotNull();
            Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    @Test
    void everyExampleConfigLoadsAndMakesATrainer() throws Exception {
        for (String name : EXAMPLES) {
            RunConfig c = TrainCommand.load(example(name));
            assertThat(c.name()).isEqualTo(name);
            try (EngineLoop run = TrainingRuns.create(c, dir)) {
                assertThat(run.config().task().kind()).isEqualTo("token");
            }
        }
        RunConfig addition = TrainCommand.load(example("addition"));
        assertThat(addition.task().id()).isEqualTo("addition");
        assertThat(addition.flow()).isEqualTo(RunConfig.defaults().flow());
        assertThat(addition.policy()).isEqualTo(RunConfig.defaults().policy());
        assertThat(addition.optimizer()).isEqualTo(RunConfig.defaults().optimizer());
    }

    @Test
    void unknownFieldsAndBadSizesAreNamed() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rollout: {groupSize: 4, bogus: 1}\n");
        assertThatThrownBy(() -> TrainCommand.load(bad)).hasMessageContaining("bad.yaml").hasMessageContaining("bogus");
        Path badParam = dir.resolve("param.yaml");
        Files.writeString(badParam, "method: {id: grpo, params: {adv_eps: -1}}\n");
        assertThatThrownBy(() -> TrainCommand.load(badParam)).hasMessageContaining("adv_eps");
        Path small = dir.resolve("small.yaml");
        Files.writeString(small, "policy: {context: 8}\n");
        RunConfig c = TrainCommand.load(small);
        assertThatThrownBy(() -> TrainingRuns.create(c, dir)).hasMessageContaining("policy.context 8");
    }

    @Test
    void trainsATinyRunAndPrintsALinePerStep() throws Exception {
        Path tiny = dir.resolve("tiny.yaml");
        Files.writeString(tiny, "policy: {dModel: 16, heads: 2, layers: 1, context: 16}\n"
                + "rollout: {promptsPerStep: 2, groupSize: 3, maxNewTokens: 4}\nwarmStart: {steps: 2, batchSize: 8}\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = GrpoScopeCommand.commandLine().execute("train", "--config", tiny.toString(), "--steps", "2",
                    "--seed", "3", "--work-dir", dir.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("step "))).hasSize(4);
        assertThat(out).contains("[warm_start]", "[grpo] reward", "done: 4 steps");
    }

    @Test
    void gpuWithoutAGpuStopsWithSetupAdvice() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new TrainCommand()).execute("--device", "gpu", "--steps", "1");
        } finally {
            System.setErr(old);
        }
        String msg = err.toString(StandardCharsets.UTF_8);
        if (code == 0) {
            return; // a machine with a usable GPU trained instead; nothing to check here
        }
        assertThat(code).isEqualTo(2);
        assertThat(msg).contains("PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR");
    }
}
