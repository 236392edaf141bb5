package io.grposcope.core.config;

/**
 * One thing wrong with a config file: where (file, 1-based line and column, 0 when the value came from the
 * defaults), which field (dotted path such as "rollout.groupSize"), and what.
 */
public record ConfigProblem(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
