package io.grposcope.core.device;

/** A GPU was asked for and none is usable; the message says what was found and how to set CUDA up. */
public final class DeviceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
