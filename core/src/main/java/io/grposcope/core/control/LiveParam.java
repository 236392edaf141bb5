package io.grposcope.core.control;

/** Hyperparameters a person may change while a run trains; applied by the engine at the next step boundary. */
public enum LiveParam {
    LR("lr"), CLIP_LOW("clip_low"), CLIP_HIGH("clip_high"), KL_BETA("kl_beta"), TEMPERATURE("temperature"),
    ENTROPY_COEF("entropy_coef"), GROUP_SIZE("group_size");

    private final String key;

    LiveParam(String key) {
        this.key = key;
    }

    /** The name used in events and the store ("lr", "clip_low", ...). */
    public String key() {
        return key;
    }
}
