package dev.spo.seccomp;

import dev.spo.core.SpoException;
import org.jspecify.annotations.Nullable;

/**
 * A libseccomp (or libc) function failed. Names the function, the errno it returned and the rule
 * that caused it: profile, syscall and architecture where they apply.
 */
public final class SeccompNativeException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String function;
  private final int errno;
  private final @Nullable String profile;
  private final @Nullable String syscall;
  private final @Nullable String architecture;

  /**
   * @param function the native function, e.g. {@code seccomp_rule_add_array}
   * @param errno the positive errno (libseccomp returns its negation)
   * @param profile the profile being compiled, if known
   * @param syscall the syscall of the failing rule, if any
   * @param architecture the architecture concerned, if any
   * @param detail what the failure means
   */
  public SeccompNativeException(
      String function,
      int errno,
      @Nullable String profile,
      @Nullable String syscall,
      @Nullable String architecture,
      String detail) {
    super(function + " failed with " + Errno.name(errno) + " (" + errno + ")"
        + context(profile, syscall, architecture) + ": " + detail);
    this.function = function;
    this.errno = errno;
    this.profile = profile;
    this.syscall = syscall;
    this.architecture = architecture;
  }

  private static String context(@Nullable String profile, @Nullable String syscall, @Nullable String arch) {
    StringBuilder sb = new StringBuilder();
    if (profile != null) {
      sb.append(" profile ").append(profile);
    }
    if (syscall != null) {
      sb.append(sb.length() > 0 ? "," : "").append(" syscall ").append(syscall);
    }
    if (arch != null) {
      sb.append(sb.length() > 0 ? "," : "").append(" arch ").append(arch);
    }
    return sb.length() == 0 ? "" : " for" + sb;
  }

  /** The native function that failed. */
  public String function() {
    return function;
  }

  /** The positive errno value. */
  public int errno() {
    return errno;
  }

  /** The profile being compiled, if known. */
  public @Nullable String profile() {
    return profile;
  }

  /** The syscall of the failing rule, if any. */
  public @Nullable String syscall() {
    return syscall;
  }

  /** The architecture concerned, if any. */
  public @Nullable String architecture() {
    return architecture;
  }

  /** Symbolic names of the errno values libseccomp and the export path return. */
  static final class Errno {
    private Errno() {}

    static String name(int errno) {
      return switch (errno) {
        case 1 -> "EPERM";
        case 2 -> "ENOENT";
        case 9 -> "EBADF";
        case 12 -> "ENOMEM";
        case 13 -> "EACCES";
        case 14 -> "EFAULT";
        case 17 -> "EEXIST";
        case 22 -> "EINVAL";
        case 24 -> "EMFILE";
        case 28 -> "ENOSPC";
        case 33 -> "EDOM";
        case 38 -> "ENOSYS";
        case 95 -> "EOPNOTSUPP";
        case 125 -> "ECANCELED";
        default -> "errno";
      };
    }
  }
}
