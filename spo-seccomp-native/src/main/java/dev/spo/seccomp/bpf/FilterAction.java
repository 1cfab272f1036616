package dev.spo.seccomp.bpf;

import org.jspecify.annotations.Nullable;

/**
 * The action part ({@code SECCOMP_RET_ACTION_FULL}, upper 16 bits) of a seccomp filter's return
 * value, in the kernel's precedence order (most restrictive first).
 */
public enum FilterAction {
  KILL_PROCESS(0x80000000, "KILL_PROCESS"),
  KILL_THREAD(0x00000000, "KILL_THREAD"),
  TRAP(0x00030000, "TRAP"),
  ERRNO(0x00050000, "ERRNO"),
  USER_NOTIF(0x7fc00000, "NOTIFY"),
  TRACE(0x7ff00000, "TRACE"),
  LOG(0x7ffc0000, "LOG"),
  ALLOW(0x7fff0000, "ALLOW");

  private final int value;
  private final String label;

  FilterAction(int value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The {@code SECCOMP_RET_*} value (data bits zero). */
  public int value() {
    return value;
  }

  /** Short label used by the disassembler, e.g. {@code ERRNO} or {@code ALLOW}. */
  public String label() {
    return label;
  }

  /** Whether the action carries a 16-bit data value in the return word. */
  public boolean hasData() {
    return this == TRAP || this == ERRNO || this == TRACE;
  }

  /**
   * The action a return value stands for, or {@code null} when the upper 16 bits name no known
   * action (the kernel then kills the process, see {@link #effective(int)}).
   */
  public static @Nullable FilterAction of(int returnValue) {
    int action = returnValue & 0xffff0000;
    for (FilterAction a : values()) {
      if (a.value == action) {
        return a;
      }
    }
    return null;
  }

  /** The action the kernel takes for a return value: unknown actions are treated as KILL_PROCESS. */
  public static FilterAction effective(int returnValue) {
    FilterAction a = of(returnValue);
    return a == null ? KILL_PROCESS : a;
  }

  /** Readable form of a return value: {@code ALLOW}, {@code ERRNO(1)}, {@code ret 0x12340000}. */
  public static String describe(int returnValue) {
    FilterAction a = of(returnValue);
    if (a == null) {
      return String.format("0x%08x", returnValue);
    }
    int data = returnValue & 0xffff;
    if (a.hasData()) {
      return a.label + "(" + data + ")";
    }
    return data == 0 ? a.label : a.label + String.format("+0x%04x", data);
  }
}
