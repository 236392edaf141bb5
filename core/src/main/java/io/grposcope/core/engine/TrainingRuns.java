package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.TrainingRun;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/** Creates the trainer that fits a config's task kind ("token" or "flow"); the run is returned unstarted. */
public final class TrainingRuns {

    static final String FLOW_TRAINER = "io.grposcope.core.engine.flow.FlowTrainer";

    private TrainingRuns() {
    }

    /** The returned run is an {@link EngineLoop}; {@code workDir} receives checkpoints and other run files. */
    public static EngineLoop create(RunConfig config, Path workDir) {
        if (config.task() == null || config.task().kind() == null) {
            throw new IllegalArgumentException("run config '" + config.name() + "' has no task.kind (\"token\" or \"flow\")");
        }
        return switch (config.task().kind()) {
            case "token" -> new TokenTrainer(config, workDir);
            case "flow" -> instantiate(FLOW_TRAINER, config, workDir);
            default -> throw new IllegalArgumentException("run config '" + config.name() + "': unknown task.kind '"
                    + config.task().kind() + "', expected \"token\" or \"flow\"");
        };
    }

    /** Same as {@link #create} but typed as the public contract. */
    public static TrainingRun createRun(RunConfig config, Path workDir) {
        return create(config, workDir);
    }

    // Looked up by name so that the flow package (owned apart) can land and change without touching this file.
    private static EngineLoop instantiate(String className, RunConfig config, Path workDir) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("task.kind '" + config.task().kind() + "' needs " + className
                    + ", which is not in this build", e);
        }
        try {
            return (EngineLoop) type.getConstructor(RunConfig.class, Path.class).newInstance(config, workDir);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("could not create " + className + ": " + cause, cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(className + " must extend EngineLoop and have a public constructor"
                    + " (RunConfig, Path): " + e, e);
        }
    }
}
