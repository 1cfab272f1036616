package dev.spo.core.seccomp;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code spec.syscalls}: an action for a set of syscall names, optionally restricted
 * by argument conditions.
 *
 * @param names syscall names, in document order
 * @param action the action taken when the rule matches
 * @param errnoRet the return value for ERRNO/TRACE; null when absent
 * @param args argument conditions; empty for an unconditional rule
 */
public record Syscall(List<String> names, SeccompAction action, @Nullable Integer errnoRet, List<SyscallArg> args) {
  public Syscall {
    names = List.copyOf(names);
    Objects.requireNonNull(action, "action");
    args = List.copyOf(args);
  }

  /** An unconditional rule without errnoRet. */
  public static Syscall of(SeccompAction action, String... names) {
    return new Syscall(List.of(names), action, null, List.of());
  }

  /** An unconditional rule without errnoRet. */
  public static Syscall of(SeccompAction action, List<String> names) {
    return new Syscall(names, action, null, List.of());
  }

  /** A copy with other names. */
  public Syscall withNames(List<String> newNames) {
    return new Syscall(newNames, action, errnoRet, args);
  }

  /** A copy with another errnoRet. */
  public Syscall withErrnoRet(@Nullable Integer newErrnoRet) {
    return new Syscall(names, action, newErrnoRet, args);
  }

  /** A copy with other argument conditions. */
  public Syscall withArgs(List<SyscallArg> newArgs) {
    return new Syscall(names, action, errnoRet, newArgs);
  }
}
