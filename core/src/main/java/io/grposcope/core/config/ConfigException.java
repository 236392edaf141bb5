package io.grposcope.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config could not be loaded; lists every problem found, each with file, line/column and field path. */
public class ConfigException extends IllegalArgumentException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
