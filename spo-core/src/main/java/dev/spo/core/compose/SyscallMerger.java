package dev.spo.core.compose;

import dev.spo.core.internal.SyscallMerging;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.util.List;
import java.util.Objects;

/**
 * Merges syscall rules with a {@link MergeStrategy}, on lists, specs or whole profiles. This is
 * what {@link ProfileComposer} applies at each step of a base chain, and what a {@code merge}
 * command applies to recorded profiles. Stateless and thread-safe.
 */
public final class SyscallMerger {
  private SyscallMerger() {}

  /**
   * One entry per syscall name, sorted by name; duplicates of a name are combined with the
   * {@link MergeStrategy#UNION} rule, earlier entries counting as the base.
   */
  public static List<Syscall> normalize(List<Syscall> syscalls) {
    return SyscallMerging.normalize(syscalls);
  }

  /** {@link MergeStrategy#UNION} of two rule lists, the base on the left. */
  public static List<Syscall> union(List<Syscall> base, List<Syscall> child) {
    return SyscallMerging.union(base, child);
  }

  /** {@link MergeStrategy#APPEND} of two rule lists. */
  public static List<Syscall> append(List<Syscall> base, List<Syscall> child) {
    return SyscallMerging.append(base, child);
  }

  /**
   * {@link MergeStrategy#INTERSECT} of two specs: the child's spec with the intersected rules and
   * the stricter of the two default actions (with its {@code defaultErrnoRet}).
   *
   * @throws CompositionException with {@link CompositionException.Reason#MERGE_FAILED} when a spec
   *     has no {@code defaultAction}, without which "denied" is undefined
   */
  public static SeccompSpec intersect(SeccompSpec base, SeccompSpec child) {
    SeccompAction baseDefault = requireDefault(base, "base");
    SeccompAction childDefault = requireDefault(child, "child");
    SyscallMerging.Intersection result =
        SyscallMerging.intersect(
            base.syscalls(), baseDefault, base.defaultErrnoRet(),
            child.syscalls(), childDefault, child.defaultErrnoRet());
    return child.toBuilder()
        .syscalls(result.syscalls())
        .defaultAction(result.defaultAction())
        .defaultErrnoRet(result.defaultErrnoRet())
        .build();
  }

  /**
   * Merges two specs with a strategy. The result is the child's spec with merged
   * {@code syscalls}; {@link MergeStrategy#INTERSECT} also takes the stricter default action.
   */
  public static SeccompSpec merge(MergeStrategy strategy, SeccompSpec base, SeccompSpec child) {
    Objects.requireNonNull(strategy, "strategy");
    return switch (strategy) {
      case UNION -> child.withSyscalls(union(base.syscalls(), child.syscalls()));
      case APPEND -> child.withSyscalls(append(base.syscalls(), child.syscalls()));
      case INTERSECT -> intersect(base, child);
    };
  }

  /**
   * Folds several profiles into the first, as {@code spoc merge} does with recordings: the first
   * profile is the base, each further profile is merged in as the child, and everything except the
   * merged rules (and, for {@link MergeStrategy#INTERSECT}, the default action) comes from the
   * first profile.
   *
   * @throws IllegalArgumentException when {@code profiles} is empty
   */
  public static SeccompProfile mergeProfiles(MergeStrategy strategy, List<SeccompProfile> profiles) {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("no profiles to merge");
    }
    SeccompProfile first = profiles.get(0);
    SeccompSpec acc = first.spec();
    for (int i = 1; i < profiles.size(); i++) {
      SeccompSpec next = merge(strategy, acc, profiles.get(i).spec());
      // merge() returns the child's fields; here the first profile's fields must survive.
      acc = strategy == MergeStrategy.INTERSECT
          ? acc.toBuilder()
              .syscalls(next.syscalls())
              .defaultAction(next.defaultAction())
              .defaultErrnoRet(next.defaultErrnoRet())
              .build()
          : acc.withSyscalls(next.syscalls());
    }
    SeccompSpec merged = acc;
    return first.withSpec(merged);
  }

  private static SeccompAction requireDefault(SeccompSpec spec, String side) {
    SeccompAction action = spec.defaultAction();
    if (action == null) {
      throw new CompositionException(
          CompositionException.Reason.MERGE_FAILED,
          List.of(),
          "intersect needs a defaultAction on every profile, but the " + side + " has none");
    }
    return action;
  }
}
