package dev.spo.core.compose;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.Syscall;
import java.util.HashSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the rule for one syscall name differs between two profiles. Both sides are single-name
 * entries of the normalized view ({@link SyscallMerger#normalize}).
 *
 * @param name the syscall name
 * @param before the rule in the first profile; null when the name was added
 * @param after the rule in the second profile; null when the name was removed
 */
public record SyscallDiff(String name, @Nullable Syscall before, @Nullable Syscall after) {
  /** What kind of difference this is. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public SyscallDiff {
    Objects.requireNonNull(name, "name");
    if (before == null && after == null) {
      throw new IllegalArgumentException("a difference needs at least one side: " + name);
    }
  }

  /** Added, removed or changed. */
  public Kind kind() {
    if (before == null) {
      return Kind.ADDED;
    }
    return after == null ? Kind.REMOVED : Kind.CHANGED;
  }

  /** The action before, or null when added. */
  public @Nullable SeccompAction actionBefore() {
    return before == null ? null : before.action();
  }

  /** The action after, or null when removed. */
  public @Nullable SeccompAction actionAfter() {
    return after == null ? null : after.action();
  }

  /** Whether both sides exist and their actions differ. */
  public boolean actionChanged() {
    return before != null && after != null && before.action() != after.action();
  }

  /** Whether both sides exist and their errnoRet values differ. */
  public boolean errnoRetChanged() {
    return before != null && after != null && !Objects.equals(before.errnoRet(), after.errnoRet());
  }

  /** Whether both sides exist and their argument conditions differ (as sets; order is irrelevant). */
  public boolean argsChanged() {
    return before != null && after != null && !sameArgs(before, after);
  }

  static boolean sameArgs(Syscall a, Syscall b) {
    return a.args().size() == b.args().size() && new HashSet<>(a.args()).equals(new HashSet<>(b.args()));
  }

  @Override
  public String toString() {
    return switch (kind()) {
      case ADDED -> "+ " + name + " " + describe(Objects.requireNonNull(after));
      case REMOVED -> "- " + name + " " + describe(Objects.requireNonNull(before));
      case CHANGED -> "~ " + name + " " + describe(Objects.requireNonNull(before)) + " -> "
          + describe(Objects.requireNonNull(after));
    };
  }

  private static String describe(Syscall s) {
    StringBuilder sb = new StringBuilder(s.action().wireName());
    if (s.errnoRet() != null) {
      sb.append("(errnoRet=").append(s.errnoRet()).append(')');
    }
    if (!s.args().isEmpty()) {
      sb.append(" args=").append(s.args());
    }
    return sb.toString();
  }
}
