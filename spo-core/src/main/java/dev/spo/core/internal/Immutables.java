package dev.spo.core.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defensive copies that keep document order. */
public final class Immutables {
  private Immutables() {}

  public static <V> Map<String, V> orderedMap(Map<String, V> source) {
    if (source.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>(source.size() * 2);
    source.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
    return Collections.unmodifiableMap(copy);
  }

  /** A deep, unmodifiable copy of a JSON object built from plain Java values. */
  public static Map<String, @Nullable Object> jsonMap(Map<String, ? extends @Nullable Object> source) {
    if (source.isEmpty()) {
      return Map.of();
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(source.size() * 2);
    source.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), jsonValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  public static @Nullable Object jsonValue(@Nullable Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof BigInteger
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return jsonMap((Map<String, ?>) map);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(jsonValue(item));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }
}
