package io.grposcope.app.cli;

import io.grposcope.app.plugins.UserPlugins;
import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.ParamSpec;
import io.grposcope.core.config.ConfigLoader;
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

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
        RunConfig c;
        try {
            c = config == null ? RunConfig.defaults() : load(config);
            c = steps != null ? c.withSteps(steps) : c;
            c = seed != null ? c.withSeed(seed) : c;
            c = device != null ? c.withDevice(device) : c;
            DeviceSelector.ofMachine(System.err::println).select(c.device(), false);
        } catch (DeviceUnavailableException | IllegalArgumentException e) {
            System.err.println("grposcope train: " + e.getMessage());
            return 2;
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("grposcope-run-");
        PrintStream out = System.out;
        out.printf("run '%s': task %s/%s difficulty %d, method %s, %d warm-start + %d GRPO steps, seed %d, %s%n",
                c.name(), c.task().kind(), c.task().id(), c.task().difficulty(), c.method().id(),
                c.warmStart().steps(), c.steps(), c.seed(), c.device());
        return train(c, dir, out);
    }

    private static int train(RunConfig c, Path dir, PrintStream out) throws InterruptedException {
        EngineLoop created;
        try {
            created = TrainingRuns.create(c, dir);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("grposcope train: " + e.getMessage());
            return 2;
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        double[] firstLast = {Double.NaN, Double.NaN};
        try (EngineLoop run = created) {
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

    /** Reads a YAML or JSON file over the defaults with the config loader; method ids and params are checked. */
    static RunConfig load(Path file) {
        MethodRegistry registry = UserPlugins.current().registry();
        Set<String> ids = new HashSet<>();
        registry.available().forEach(p -> ids.add(p.id()));
        return new ConfigLoader(ids).withMethodParams((id, params) -> paramProblems(registry, id, params)).load(file);
    }

    /** Per parameter, what is wrong with it for method {@code id} (unknown name or value out of its spec). */
    static Map<String, String> paramProblems(MethodRegistry registry, String id, Map<String, Object> params) {
        Map<String, String> out = new LinkedHashMap<>();
        registry.find(id).ifPresent(p -> {
            Map<String, ParamSpec> specs = new LinkedHashMap<>();
            p.params().forEach(s -> specs.put(s.name(), s));
            params.forEach((name, value) -> {
                ParamSpec spec = specs.get(name);
                if (spec == null) {
                    out.put(name, "method '" + id + "' has no parameter '" + name + "'; it has " + specs.keySet());
                    return;
                }
                try {
                    spec.coerce(value);
                } catch (IllegalArgumentException e) {
                    out.put(name, e.getMessage());
                }
            });
        });
        return out;
    }
}
