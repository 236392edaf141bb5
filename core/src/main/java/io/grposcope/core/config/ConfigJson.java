package io.grposcope.core.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Compact JSON form of a {@link RunConfig}, as kept in the run store. */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = mapper();

    private ConfigJson() {
    }

    /** A mapper that sees exactly the record components (not helpers such as {@code isFlow()}). */
    static ObjectMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }

    static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    public static String toJson(RunConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run config as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON written by {@link #toJson}; unknown fields are an error so damage shows. */
    public static RunConfig fromJson(String json) {
        try {
            return MAPPER.readValue(json, RunConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored run config is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
