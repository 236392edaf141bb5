package io.grposcope.core.engine;

import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.policy.token.TransformerLM;
import io.grposcope.core.task.TokenTask;

/** The long-lived pieces of a token run that its phases work on (all owned by the engine thread). */
record TokenRunParts(RunConfig config, TokenTask task, Method method, NDManager runManager, TransformerLM policy,
                     Adam adam, Rng rng) {

    /** Live hyperparameters as the engine holds them between steps. */
    record Live(double lr, double clipLow, double clipHigh, double klBeta, double temperature, double entropyCoef,
                int groupSize) {

        LossSettings lossSettings(RunConfig c) {
            double dual = c.ppo().clipC() > 1 ? c.ppo().clipC() : Double.POSITIVE_INFINITY;
            return new LossSettings(new ClipBounds(clipLow, clipHigh, dual, Double.POSITIVE_INFINITY), klBeta,
                    entropyCoef);
        }
    }
}
