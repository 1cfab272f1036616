package dev.spo.core.seccomp;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Comparison operators of a syscall argument condition. */
public enum ArgOperator {
  NE("SCMP_CMP_NE"),
  LT("SCMP_CMP_LT"),
  LE("SCMP_CMP_LE"),
  EQ("SCMP_CMP_EQ"),
  GE("SCMP_CMP_GE"),
  GT("SCMP_CMP_GT"),
  /** {@code (arg & value) == valueTwo}: the mask is {@code value}, the expected datum {@code valueTwo}. */
  MASKED_EQ("SCMP_CMP_MASKED_EQ");

  private static final Map<String, ArgOperator> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ArgOperator::wireName, Function.identity()));

  private final String wireName;

  ArgOperator(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }

  /** The operator for a wire name, or null when the name is unknown. */
  public static @Nullable ArgOperator fromWireName(String name) {
    return BY_WIRE.get(name);
  }
}
