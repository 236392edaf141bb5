package io.grposcope.core.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trainer whose whole state (parameters, optimizer moments, RNG state, step counter, live parameters, phase)
 * can be written to a folder and read back, so that training continues bit for bit (CPU, same seed) from there.
 * Both methods run on the engine thread only: call them through {@link EngineLoop#runOnEngine}.
 */
public interface Checkpointable {

    /** Writes the state into {@code dir} (created if missing); existing files there are overwritten. */
    void saveState(Path dir) throws IOException;

    /** Replaces the current state with the one saved in {@code dir}. */
    void loadState(Path dir) throws IOException;
}
