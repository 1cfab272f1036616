package dev.spo.core.compose;

import dev.spo.core.internal.SyscallMerging;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The differences in filtering behaviour between two seccomp specs: the default action and, per
 * syscall name, rules added, removed or changed (action, errnoRet or argument conditions). Rules
 * are compared on the normalized view ({@link SyscallMerger#normalize}), so splitting or
 * regrouping names across entries is not a difference. Other fields (architectures, flags, ...)
 * are not compared.
 *
 * @param defaultActionBefore the first spec's default action
 * @param defaultActionAfter the second spec's default action
 * @param added names only the second spec has a rule for, sorted by name
 * @param removed names only the first spec has a rule for, sorted by name
 * @param changed names whose rule differs, sorted by name
 */
public record ProfileDiff(
    @Nullable SeccompAction defaultActionBefore,
    @Nullable SeccompAction defaultActionAfter,
    List<SyscallDiff> added,
    List<SyscallDiff> removed,
    List<SyscallDiff> changed) {

  public ProfileDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** The differences from {@code before} to {@code after}. */
  public static ProfileDiff diff(SeccompSpec before, SeccompSpec after) {
    HashMap<String, Syscall> a = SyscallMerging.normalizeToMap(before.syscalls());
    HashMap<String, Syscall> b = SyscallMerging.normalizeToMap(after.syscalls());
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<SyscallDiff> added = new ArrayList<>();
    List<SyscallDiff> removed = new ArrayList<>();
    List<SyscallDiff> changed = new ArrayList<>();
    for (String name : names) {
      Syscall x = a.get(name);
      Syscall y = b.get(name);
      if (x == null) {
        added.add(new SyscallDiff(name, null, y));
      } else if (y == null) {
        removed.add(new SyscallDiff(name, x, null));
      } else if (x.action() != y.action()
          || !Objects.equals(x.errnoRet(), y.errnoRet())
          || !SyscallDiff.sameArgs(x, y)) {
        changed.add(new SyscallDiff(name, x, y));
      }
    }
    return new ProfileDiff(before.defaultAction(), after.defaultAction(), added, removed, changed);
  }

  /** The differences from {@code before} to {@code after}. */
  public static ProfileDiff diff(SeccompProfile before, SeccompProfile after) {
    return diff(before.spec(), after.spec());
  }

  /** Whether the default action differs. */
  public boolean defaultActionChanged() {
    return defaultActionBefore != defaultActionAfter;
  }

  /** Whether there is no difference at all. */
  public boolean isEmpty() {
    return !defaultActionChanged() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Every syscall difference, sorted by name. */
  public List<SyscallDiff> syscalls() {
    List<SyscallDiff> all = new ArrayList<>(added.size() + removed.size() + changed.size());
    all.addAll(added);
    all.addAll(removed);
    all.addAll(changed);
    all.sort((p, q) -> p.name().compareTo(q.name()));
    return List.copyOf(all);
  }
}
