package io.grposcope.core.debug;

/**
 * A trainer that can leave a batch out after a rollback: the step still draws its batch (so the RNG and the
 * sampler stay where the original branch had them) but applies no update. Optional for trainers.
 */
public interface BatchSkipping {
    void skipBatchAtStep(long step);
}
