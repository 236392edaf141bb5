package io.grposcope.core.algo.spi;

/**
 * One discovered method provider and whether it can be used. An unavailable provider keeps the error that made
 * it so (class not found, constructor threw, invalid metadata, duplicate id), for the UI and CLI to show.
 *
 * @param id        the provider's id, or its class name when even that could not be read
 * @param className implementation class (or the failing service entry)
 * @param provider  the instance, null when unavailable
 * @param error     null when available
 */
public record ProviderStatus(String id, String displayName, String className, MethodProvider provider,
                             String error) {

    public boolean available() {
        return error == null;
    }
}
