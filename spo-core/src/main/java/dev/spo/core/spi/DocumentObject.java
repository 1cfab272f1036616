package dev.spo.core.spi;

import dev.spo.core.codec.ProfileParseException;
import dev.spo.core.codec.UnknownFieldPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only view of one JSON/YAML object while a document is decoded. Every accessor checks the
 * type and range of the value and fails with a {@link ProfileParseException} that names the
 * source, the profile and the JSON pointer of the field. {@link #finish()} reports the fields no
 * accessor asked for, following the {@link UnknownFieldPolicy}.
 */
public final class DocumentObject {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentObject.class);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Map<String, @Nullable Object> map;
  private final String pointer;
  private final Context context;
  private final Set<String> read = new HashSet<>();

  private static final class Context {
    final String source;
    final UnknownFieldPolicy policy;
    @Nullable String profileName;

    Context(String source, UnknownFieldPolicy policy) {
      this.source = source;
      this.policy = policy;
    }
  }

  private DocumentObject(Map<String, @Nullable Object> map, String pointer, Context context) {
    this.map = map;
    this.pointer = pointer;
    this.context = context;
  }

  /** The root object of a document read from {@code source}. */
  public static DocumentObject root(Map<String, @Nullable Object> map, String source, UnknownFieldPolicy policy) {
    return new DocumentObject(map, "", new Context(source, policy));
  }

  /** Records the profile name so later errors can name it. */
  public void profileName(@Nullable String name) {
    context.profileName = name;
  }

  /** The JSON pointer of this object ({@code ""} for the root). */
  public String pointer() {
    return pointer;
  }

  /** Where the document came from. */
  public String source() {
    return context.source;
  }

  /** Whether the key is present (even with a null value). */
  public boolean has(String key) {
    return map.containsKey(key);
  }

  /** JSON pointer of a child key. */
  public String pointerOf(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** An error located at a child key. */
  public ProfileParseException error(String key, String reason) {
    return new ProfileParseException(context.source, context.profileName, pointerOf(key), reason);
  }

  /** An error located at this object. */
  public ProfileParseException error(String reason) {
    return new ProfileParseException(context.source, context.profileName, pointer, reason);
  }

  private @Nullable Object take(String key) {
    read.add(key);
    return map.get(key);
  }

  /** A string field, or null when absent or null. */
  public @Nullable String string(String key) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    throw error(key, "expected a string, found " + describe(v));
  }

  /** A string field that must be present. */
  public String requiredString(String key) {
    String s = string(key);
    if (s == null) {
      throw error(key, "required field is missing");
    }
    return s;
  }

  /** A boolean field, or null when absent. */
  public @Nullable Boolean bool(String key) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw error(key, "expected true or false, found " + describe(v));
  }

  /** A signed 32-bit integer field, or null when absent. */
  public @Nullable Integer int32(String key) {
    BigInteger v = integer(key);
    if (v == null) {
      return null;
    }
    if (v.bitLength() > 31) {
      throw error(key, "value " + v + " is outside the int32 range");
    }
    return v.intValue();
  }

  /** A signed 64-bit integer field, or null when absent. */
  public @Nullable Long int64(String key) {
    BigInteger v = integer(key);
    if (v == null) {
      return null;
    }
    if (v.bitLength() > 63) {
      throw error(key, "value " + v + " is outside the int64 range");
    }
    return v.longValue();
  }

  /**
   * An integer field in 0..2^64-1 returned as the bits of a {@code long}, or null when absent;
   * {@code allowNegative} additionally admits -2^63..-1 (kept as is, for validation to report).
   */
  public @Nullable Long uint64(String key, boolean allowNegative) {
    BigInteger v = integer(key);
    if (v == null) {
      return null;
    }
    if (v.signum() < 0) {
      if (allowNegative && v.bitLength() <= 63) {
        return v.longValue();
      }
      throw error(key, "value " + v + " must not be negative");
    }
    if (v.compareTo(UINT64_MAX) > 0) {
      throw error(key, "value " + v + " is larger than 18446744073709551615");
    }
    return v.longValue();
  }

  private @Nullable BigInteger integer(String key) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof Integer i) {
      return BigInteger.valueOf(i);
    }
    if (v instanceof BigInteger b) {
      return b;
    }
    throw error(key, "expected an integer, found " + describe(v));
  }

  /** A list of strings; empty when absent or null. */
  public List<String> stringList(String key) {
    List<String> list = optionalStringList(key);
    return list == null ? List.of() : list;
  }

  /** A list of strings, or null when absent or null. */
  public @Nullable List<String> optionalStringList(String key) {
    List<?> raw = list(key);
    if (raw == null) {
      return null;
    }
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object item = raw.get(i);
      if (!(item instanceof String s)) {
        throw new ProfileParseException(
            context.source, context.profileName, pointerOf(key) + "/" + i, "expected a string, found " + describe(item));
      }
      out.add(s);
    }
    return out;
  }

  /**
   * A list of enum values parsed by {@code parse} (which returns null for unknown names); null when
   * absent.
   */
  public <E> @Nullable List<E> optionalEnumList(String key, Function<String, @Nullable E> parse, List<String> allowed) {
    List<String> names = optionalStringList(key);
    if (names == null) {
      return null;
    }
    List<E> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      E e = parse.apply(names.get(i));
      if (e == null) {
        throw new ProfileParseException(
            context.source,
            context.profileName,
            pointerOf(key) + "/" + i,
            "unknown value '" + names.get(i) + "' (expected one of " + String.join(", ", allowed) + ")");
      }
      out.add(e);
    }
    return out;
  }

  /** An enum field parsed by {@code parse}; null when absent. */
  public <E> @Nullable E enumValue(String key, Function<String, @Nullable E> parse, List<String> allowed) {
    String s = string(key);
    if (s == null) {
      return null;
    }
    E e = parse.apply(s);
    if (e == null) {
      throw error(key, "unknown value '" + s + "' (expected one of " + String.join(", ", allowed) + ")");
    }
    return e;
  }

  /** A nested object, or null when absent or null. */
  @SuppressWarnings("unchecked")
  public @Nullable DocumentObject object(String key) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return new DocumentObject((Map<String, @Nullable Object>) m, pointerOf(key), context);
    }
    throw error(key, "expected an object, found " + describe(v));
  }

  /** A list of objects; empty when absent or null. */
  @SuppressWarnings("unchecked")
  public List<DocumentObject> objectList(String key) {
    List<?> raw = list(key);
    if (raw == null) {
      return List.of();
    }
    List<DocumentObject> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object item = raw.get(i);
      String itemPointer = pointerOf(key) + "/" + i;
      if (!(item instanceof Map<?, ?> m)) {
        throw new ProfileParseException(
            context.source, context.profileName, itemPointer, "expected an object, found " + describe(item));
      }
      out.add(new DocumentObject((Map<String, @Nullable Object>) m, itemPointer, context));
    }
    return out;
  }

  /** A map of string to string; empty when absent or null. */
  public Map<String, String> stringMap(String key) {
    Object v = take(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw error(key, "expected an object, found " + describe(v));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new ProfileParseException(
            context.source,
            context.profileName,
            pointerOf(key) + "/" + e.getKey(),
            "expected a string, found " + describe(e.getValue()));
      }
      out.put(String.valueOf(e.getKey()), s);
    }
    return out;
  }

  /** The raw value of a field (plain JSON values), marking it as read. */
  public @Nullable Object raw(String key) {
    return take(key);
  }

  private @Nullable List<?> list(String key) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw error(key, "expected a list, found " + describe(v));
  }

  /** Fields of this object that no accessor has read, in document order. */
  public Map<String, @Nullable Object> unread() {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (!read.contains(k)) {
            out.put(k, v);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /** Reports every unread field according to the policy: fails on the first, or logs each. */
  public void finish() {
    for (String key : unread().keySet()) {
      if (context.policy == UnknownFieldPolicy.REJECT) {
        throw error(key, "unknown field");
      }
      LOG.warn(
          "{}: {}: ignoring unknown field {}",
          context.source,
          context.profileName == null ? "(unnamed)" : "profile '" + context.profileName + "'",
          pointerOf(key));
    }
  }

  private static String describe(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "string '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof Boolean) {
      return "boolean " + v;
    }
    return "number " + v;
  }
}
