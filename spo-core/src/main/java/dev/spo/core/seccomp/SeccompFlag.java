package dev.spo.core.seccomp;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@code seccomp(2)} filter flags a profile can ask for. */
public enum SeccompFlag {
  TSYNC("SECCOMP_FILTER_FLAG_TSYNC", 1),
  LOG("SECCOMP_FILTER_FLAG_LOG", 2),
  SPEC_ALLOW("SECCOMP_FILTER_FLAG_SPEC_ALLOW", 4),
  WAIT_KILLABLE_RECV("SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", 32);

  private static final Map<String, SeccompFlag> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(SeccompFlag::wireName, Function.identity()));

  private final String wireName;
  private final int bit;

  SeccompFlag(String wireName, int bit) {
    this.wireName = wireName;
    this.bit = bit;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }

  /** The kernel's flag bit for {@code seccomp(SECCOMP_SET_MODE_FILTER, flags, ...)}. */
  public int bit() {
    return bit;
  }

  /** The flag for a wire name, or null when the name is unknown. */
  public static @Nullable SeccompFlag fromWireName(String name) {
    return BY_WIRE.get(name);
  }
}
