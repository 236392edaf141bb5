package io.grposcope.core.metrics;

/**
 * One rollout sample of a step, for the sample table and the spike inspector.
 * {@code groupId} identifies the prompt group; {@code length} counts response tokens (or trained steps for flows).
 */
public record SampleRow(int index, int groupId, String prompt, String completion, double reward,
                        double advantage, int length) {
}
