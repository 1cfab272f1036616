package dev.spo.core.seccomp;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Seccomp actions as SPO and the OCI runtime spec spell them. */
public enum SeccompAction {
  KILL("SCMP_ACT_KILL", 6),
  KILL_PROCESS("SCMP_ACT_KILL_PROCESS", 7),
  KILL_THREAD("SCMP_ACT_KILL_THREAD", 6),
  TRAP("SCMP_ACT_TRAP", 5),
  ERRNO("SCMP_ACT_ERRNO", 4),
  TRACE("SCMP_ACT_TRACE", 2),
  ALLOW("SCMP_ACT_ALLOW", 0),
  LOG("SCMP_ACT_LOG", 1),
  NOTIFY("SCMP_ACT_NOTIFY", 3);

  private static final Map<String, SeccompAction> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(SeccompAction::wireName, Function.identity()));

  private final String wireName;
  private final int restrictiveness;

  SeccompAction(String wireName, int restrictiveness) {
    this.wireName = wireName;
    this.restrictiveness = restrictiveness;
  }

  /** The spelling used in YAML and JSON, e.g. {@code SCMP_ACT_ERRNO}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Rank in security-profiles-merger's order, most restrictive highest: KILL_PROCESS &gt;
   * KILL_THREAD = KILL &gt; TRAP &gt; ERRNO &gt; NOTIFY &gt; TRACE &gt; LOG &gt; ALLOW.
   */
  public int restrictiveness() {
    return restrictiveness;
  }

  /** Whether the action carries a return value ({@code errnoRet}) in runc and crun. */
  public boolean takesErrno() {
    return this == ERRNO || this == TRACE;
  }

  /** The action for a wire name, or null when the name is unknown. */
  public static @Nullable SeccompAction fromWireName(String name) {
    return BY_WIRE.get(name);
  }
}
