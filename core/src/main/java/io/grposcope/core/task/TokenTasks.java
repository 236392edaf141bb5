package io.grposcope.core.task;

import io.grposcope.core.config.RunConfig;

/** Resolves a config's task id and difficulty to a built-in token task. */
public final class TokenTasks {

    private TokenTasks() {
    }

    public static TokenTask create(RunConfig.TaskConfig task) {
        return switch (task.id()) {
            case "addition" -> new AdditionTask(task.difficulty());
            case "sort" -> new SortTask(task.difficulty());
            case "countdown" -> new CountdownTask(task.difficulty());
            default -> throw new IllegalArgumentException("unknown token task '" + task.id()
                    + "'; built-in tasks: addition, sort, countdown");
        };
    }
}
