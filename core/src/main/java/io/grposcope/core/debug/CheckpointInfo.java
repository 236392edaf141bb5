package io.grposcope.core.debug;

import java.nio.file.Path;

/** A checkpoint on disk: the step it holds the state after, the branch that wrote it, and its folder. */
public record CheckpointInfo(long step, long branchId, Path dir) {
}
