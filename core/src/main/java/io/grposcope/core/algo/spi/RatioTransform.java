package io.grposcope.core.algo.spi;

/**
 * Hook 4: log-probs → importance ratio. Vanilla GRPO uses the token ratio exp(clamp(ℓ − ℓ^old, ±20)); GSPO
 * replaces it with the length-normalised sequence ratio.
 */
@FunctionalInterface
public interface RatioTransform {

    Ratio ratio(LossInputs in);
}
