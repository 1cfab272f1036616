package dev.spo.core.spi;

import dev.spo.core.Condition;
import dev.spo.core.ProfilePhase;
import dev.spo.core.ProfileState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Decoding and encoding of the fields every SPO profile kind shares (SpecBase, StatusBase). */
public final class CommonFields {
  private static final List<String> STATES =
      Arrays.stream(ProfileState.values()).map(ProfileState::wireName).toList();
  private static final List<String> PHASES =
      Arrays.stream(ProfilePhase.values()).map(ProfilePhase::wireName).toList();

  private CommonFields() {}

  /**
   * Reads {@code state}, or maps the pre-v1 {@code disabled} boolean to it; null when neither is
   * present.
   */
  public static @Nullable ProfileState readState(DocumentObject spec) {
    ProfileState state = spec.enumValue("state", CommonFields::state, STATES);
    Boolean disabled = spec.bool("disabled");
    if (state != null && disabled != null && (state == ProfileState.DISABLED) != disabled) {
      throw spec.error("disabled", "contradicts state " + state.wireName());
    }
    if (state == null && disabled != null) {
      return disabled ? ProfileState.DISABLED : ProfileState.ENABLED;
    }
    return state;
  }

  /** Puts {@code state} when set. */
  public static void writeState(Map<String, @Nullable Object> out, @Nullable ProfileState state) {
    if (state != null) {
      out.put("state", state.wireName());
    }
  }

  private static @Nullable ProfileState state(String s) {
    for (ProfileState value : ProfileState.values()) {
      if (value.wireName().equals(s)) {
        return value;
      }
    }
    return null;
  }

  /** Reads {@code status.status}. */
  public static @Nullable ProfilePhase readPhase(DocumentObject status) {
    return status.enumValue("status", CommonFields::phase, PHASES);
  }

  private static @Nullable ProfilePhase phase(String s) {
    for (ProfilePhase value : ProfilePhase.values()) {
      if (value.wireName().equals(s)) {
        return value;
      }
    }
    return null;
  }

  /** Reads {@code status.conditions}. */
  public static List<Condition> readConditions(DocumentObject status) {
    List<Condition> out = new ArrayList<>();
    for (DocumentObject c : status.objectList("conditions")) {
      out.add(
          new Condition(
              c.requiredString("type"),
              c.requiredString("status"),
              c.string("lastTransitionTime"),
              c.string("reason"),
              c.string("message"),
              c.int64("observedGeneration")));
      c.finish();
    }
    return out;
  }

  /** Puts {@code status} and {@code conditions} (when non-empty). */
  public static void writeStatusBase(
      Map<String, @Nullable Object> out, @Nullable ProfilePhase phase, List<Condition> conditions) {
    if (!conditions.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Condition c : conditions) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("type", c.type());
        m.put("status", c.status());
        putIfNotNull(m, "observedGeneration", c.observedGeneration());
        putIfNotNull(m, "lastTransitionTime", c.lastTransitionTime());
        putIfNotNull(m, "reason", c.reason());
        putIfNotNull(m, "message", c.message());
        list.add(m);
      }
      out.put("conditions", list);
    }
    if (phase != null) {
      out.put("status", phase.wireName());
    }
  }

  /** Puts a value unless it is null. */
  public static void putIfNotNull(Map<String, @Nullable Object> out, String key, @Nullable Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  /** Puts a list unless it is empty. */
  public static void putIfNotEmpty(Map<String, @Nullable Object> out, String key, List<?> value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }
}
