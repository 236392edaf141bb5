package io.grposcope.core.store;

/** A store operation failed; the message says what and on which database file. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
