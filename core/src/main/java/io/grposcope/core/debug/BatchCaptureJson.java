package io.grposcope.core.debug;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link BatchCapture} as JSON and reads it back exactly (floats keep every bit: Jackson prints the
 * shortest text that parses back to the same float). Non-finite values are written as "NaN"/"Infinity" strings.
 */
public final class BatchCaptureJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BatchCaptureJson() {
    }

    public static String write(BatchCapture capture) {
        try {
            return MAPPER.writeValueAsString(capture);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the capture of step " + capture.step() + " as JSON", e);
        }
    }

    public static BatchCapture read(String json) {
        try {
            return MAPPER.readValue(json, BatchCapture.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a captured batch: " + e.getMessage(), e);
        }
    }
}
