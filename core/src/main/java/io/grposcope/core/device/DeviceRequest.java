package io.grposcope.core.device;

import java.util.Locale;

/**
 * What the user asked for in the config's {@code device} field or on the command line: {@code cpu}, {@code gpu}
 * (first GPU), {@code gpu:N}, or {@code auto} (a GPU when one is usable, otherwise the CPU). {@code cuda} and
 * {@code cuda:N} are accepted as synonyms of {@code gpu}.
 */
public record DeviceRequest(Kind kind, int index) {

    /** The three ways to ask. */
    public enum Kind { CPU, GPU, AUTO }

    public static final String VALID = "cpu, gpu, gpu:N (N = 0, 1, ...), auto";

    public DeviceRequest {
        if (index < 0) {
            throw new IllegalArgumentException("GPU index must be 0 or more, got " + index);
        }
    }

    /** Parses a device string; null or blank means {@code cpu}, the default of a run config. */
    public static DeviceRequest parse(String text) {
        if (text == null || text.isBlank()) {
            return new DeviceRequest(Kind.CPU, 0);
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "cpu":
                return new DeviceRequest(Kind.CPU, 0);
            case "gpu":
            case "cuda":
                return new DeviceRequest(Kind.GPU, 0);
            case "auto":
                return new DeviceRequest(Kind.AUTO, 0);
            default:
                return parseIndexed(text, s);
        }
    }

    private static DeviceRequest parseIndexed(String original, String s) {
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon);
        if (colon > 0 && (head.equals("gpu") || head.equals("cuda"))) {
            try {
                return new DeviceRequest(Kind.GPU, Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                // falls through to the error below, which lists the valid forms
            }
        }
        throw new IllegalArgumentException("unknown device '" + original + "'; valid values: " + VALID);
    }

    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
