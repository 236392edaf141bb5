package io.grposcope.core.task;

import io.grposcope.core.engine.Rng;

/**
 * A procedurally generated problem family with a verifiable answer. Prompts of one task and difficulty all have
 * the same length (numbers are zero-padded), so a batch needs no prompt padding.
 */
public interface TokenTask {

    String id();

    int difficulty();

    /** A fresh problem and one correct solution (for the supervised warm start). */
    Problem sample(Rng rng);

    /** Scores a completion; {@code terminated} is false when sampling stopped at the length limit. */
    Score score(Problem problem, String completion, boolean terminated);

    /** Length of every prompt of this task and difficulty, in characters. */
    int promptLength();

    /** The longest solution, in characters (without EOS). */
    int maxSolutionLength();

    /** One problem: the prompt text (ending in '=') and a correct answer. */
    record Problem(String prompt, String solution) {
    }

    /**
     * Outcome of one completion: exact-match correctness plus a small format reward for a well-formed answer
     * (only allowed characters, ended by EOS), so early samples get a signal before they are right.
     */
    record Score(double reward, boolean correct, boolean wellFormed) {
        public static final double FORMAT_REWARD = 0.1;

        public static Score of(boolean correct, boolean wellFormed) {
            return new Score((correct ? 1.0 : 0.0) + (wellFormed ? FORMAT_REWARD : 0.0), correct, wellFormed);
        }
    }
}
