package io.grposcope.core.policy.token;

/** Size of a causal transformer LM; {@code context} is the longest sequence (prompt + completion) it sees. */
public record TransformerConfig(int vocab, int dModel, int heads, int layers, int context) {

    public TransformerConfig {
        if (vocab < 2 || dModel < 1 || heads < 1 || layers < 1 || context < 2) {
            throw new IllegalArgumentException("transformer sizes must be positive: " + this);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " is not divisible by heads " + heads);
        }
    }

    public int headDim() {
        return dModel / heads;
    }
}
