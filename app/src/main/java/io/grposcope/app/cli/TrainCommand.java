package io.grposcope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.grposcope.core.config.ConfigJson;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import io.grposcope.core.device.DeviceSelector;
import io.grposcope.core.device.DeviceUnavailableException;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.engine.TrainingRuns;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code grposcope train}: runs a config headless and prints one progress line per step. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a run from a YAML/JSON config without the GUI, printing a line per step.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Run config (YAML or JSON); fields left out take their defaults."
            + " Without it the built-in default run is used.")
    Path config;

    @Option(names = "--steps", description = "GRPO steps (overrides the config).")
    Integer steps;

    @Option(names = "--seed", description = "Random seed (overrides the config).")
    Long seed;

    @Option(names = "--device", description = "cpu, gpu, gpu:N or auto (overrides the config).")
    String device;

    @Option(names = "--work-dir", description = "Folder for checkpoints (default: a new temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        RunConfig c = config == null ? RunConfig.defaults() : load(config);
        c = steps != null ? c.withSteps(steps) : c;
        c = seed != null ? c.withSeed(seed) : c;
        c = device != null ? c.withDevice(device) : c;
        try {
            DeviceSelector.ofMachine(System.err::println).select(c.device(), false);
        } catch (DeviceUnavailableException | IllegalArgumentException e) {
            System.err.println("grposcope train: " + e.getMessage());
            return 2;
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("grposcope-run-");
        out.printf("run '%s': task %s/%s difficulty %d, method %s, %d warm-start + %d GRPO steps, seed %d, %s%n",
                c.name(), c.task().kind(), c.task().id(), c.task().difficulty(), c.method().id(),
                c.warmStart().steps(), c.steps(), c.seed(), c.device());
        return train(c, dir, out);
    }

    private static int train(RunConfig c, Path dir, PrintStream out) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        double[] firstLast = {Double.NaN, Double.NaN};
        try (EngineLoop run = TrainingRuns.create(c, dir)) {
            run.addListener(new StepListener() {
                @Override
                public void onStep(StepRecord r) {
                    lines.add(ProgressLine.of(r));
                    if (StepRecord.PHASE_GRPO.equals(r.phase())) {
                        firstLast[0] = Double.isNaN(firstLast[0]) ? r.scalar("reward/mean") : firstLast[0];
                        firstLast[1] = r.scalar("reward/mean");
                    }
                }

                @Override
                public void onEvent(RunEvent e) {
                    lines.add("  [" + e.type() + "] " + e.message());
                }
            });
            Thread onExit = new Thread(() -> stopAndWait(run), "grposcope-train-exit");
            Runtime.getRuntime().addShutdownHook(onExit);
            run.start();
            while (!run.awaitTermination(50, TimeUnit.MILLISECONDS)) {
                drain(lines, out);
            }
            drain(lines, out);
            Runtime.getRuntime().removeShutdownHook(onExit);
            if (run.state() == RunState.FAILED) {
                System.err.println("grposcope train: run failed: " + run.failure());
                return 1;
            }
            out.printf("done: %d steps, reward/mean first GRPO step %.3f, last %.3f%n", run.currentStep(),
                    firstLast[0], firstLast[1]);
            return 0;
        }
    }

    /** Ctrl-C: let the engine finish its step before the JVM unloads libtorch under it. */
    private static void stopAndWait(EngineLoop run) {
        run.stop();
        try {
            run.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(BlockingQueue<String> lines, PrintStream out) {
        for (String s = lines.poll(); s != null; s = lines.poll()) {
            out.println(s);
        }
        out.flush();
    }

    /** Reads a YAML or JSON file and lays it over the defaults; unknown fields are errors naming the file. */
    static RunConfig load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper reader = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode given = reader.readTree(file.toFile());
        if (given == null || !given.isObject()) {
            throw new IllegalArgumentException(file + ": a run config must be a mapping of fields");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode merged = (ObjectNode) json.readTree(ConfigJson.toJson(RunConfig.defaults()));
        merge(merged, (ObjectNode) given);
        try {
            return ConfigJson.fromJson(json.writeValueAsString(merged));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = base.get(e.getKey());
            boolean nested = b != null && b.isObject() && e.getValue().isObject() && !"params".equals(e.getKey());
            if (nested) {
                merge((ObjectNode) b, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
