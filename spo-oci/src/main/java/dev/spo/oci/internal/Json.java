package dev.spo.oci.internal;

import dev.spo.oci.RegistryException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for manifests, indexes and tokens. Duplicate keys are rejected on read, because two
 * parsers disagreeing on which duplicate wins is how signed and used content diverge. Maps are
 * written in insertion order, so callers that insert in a fixed order get byte-stable output.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private Json() {}

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> readObject(byte[] bytes, String reference) {
    Object value;
    try {
      value = MAPPER.readValue(bytes, Object.class);
    } catch (JacksonException e) {
      throw new RegistryException(
          RegistryException.Reason.PROTOCOL, reference, -1, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new RegistryException(RegistryException.Reason.PROTOCOL, reference, -1, null, "expected a JSON object");
    }
    return (Map<String, @Nullable Object>) map;
  }

  /** Writes compact JSON. */
  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
