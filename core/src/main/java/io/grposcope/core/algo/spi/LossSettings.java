package io.grposcope.core.algo.spi;

/**
 * The runtime values of a loss: clip bounds, KL coefficient β and entropy-bonus coefficient. The engine builds one
 * per minibatch from its live parameters, so changes made while a run trains take effect at the next minibatch.
 */
public record LossSettings(ClipBounds clip, double klBeta, double entropyCoef) {

    public LossSettings {
        if (clip == null) {
            throw new IllegalArgumentException("clip bounds are required");
        }
        if (!Double.isFinite(klBeta) || klBeta < 0) {
            throw new IllegalArgumentException("KL beta must be finite and >= 0, got " + klBeta);
        }
        if (!Double.isFinite(entropyCoef)) {
            throw new IllegalArgumentException("entropy coefficient must be finite, got " + entropyCoef);
        }
    }

    public static LossSettings defaults() {
        return new LossSettings(ClipBounds.defaults(), 0.001, 0.0);
    }

    public LossSettings withClip(ClipBounds c) {
        return new LossSettings(c, klBeta, entropyCoef);
    }

    public LossSettings withKlBeta(double b) {
        return new LossSettings(clip, b, entropyCoef);
    }

    public LossSettings withEntropyCoef(double e) {
        return new LossSettings(clip, klBeta, e);
    }
}
