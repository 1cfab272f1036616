package dev.spo.core.compose;

/**
 * How the syscall rules of a base profile and a child profile are combined. Only
 * {@code spec.syscalls} is merged; see {@link SyscallMerger} for the exact rules and
 * {@link ProfileComposer} for how a chain of bases is folded.
 */
public enum MergeStrategy {
  /**
   * security-profiles-merger's {@code UnionSyscalls}, used by SPO after v1.0.0 and the default: one
   * entry per syscall name sorted by name; for a name on both sides the less restrictive action
   * wins (ties keep the base), errnoRet comes with the winning action, an unconditional side makes
   * the result unconditional, otherwise the arguments are the base's followed by the child's that
   * are not already present. Duplicates within one side are combined by the same rule first.
   */
  UNION,

  /**
   * The result never permits what either input denies (KEP-6061 style). Each side is normalized
   * as for {@link #UNION}; a name missing on one side is treated as that side's
   * {@code defaultAction}. Per name the more restrictive action wins (ties keep the base), and the
   * result's {@code defaultAction} is the more restrictive of the two defaults. Argument
   * conditions are kept only where that is provably safe (both sides have the same conditions, or
   * the unconditional side is no stricter than the result's default); otherwise the rule becomes
   * unconditional with the strictest action either side can produce for that name, including a
   * conditional side's default. Entries equal to the result's default are dropped. Every profile
   * involved must have a {@code defaultAction}.
   */
  INTERSECT,

  /**
   * SPO v0.8 to v1.0 ({@code mergo} with append-slice): base entries followed by child entries,
   * nothing de-duplicated, names sorted inside each entry, entries stably sorted by the wire name
   * of their action.
   */
  APPEND
}
