package dev.spo.bench;

import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Deterministic synthetic profiles shaped like real ones: mostly ALLOW, some LOG/ERRNO, a few conditions. */
final class BenchProfiles {
  private static final SeccompAction[] ACTIONS = {
    SeccompAction.ALLOW, SeccompAction.ALLOW, SeccompAction.ALLOW, SeccompAction.LOG, SeccompAction.ERRNO
  };

  private BenchProfiles() {}

  /**
   * Rules over {@code count} names starting at {@code first}, {@code namesPerRule} names per rule.
   * Neighbouring levels overlap so that the union has real conflicts to resolve.
   */
  static List<Syscall> rules(int first, int count, int namesPerRule) {
    List<Syscall> out = new ArrayList<>(count / namesPerRule + 1);
    int rule = 0;
    for (int start = first; start < first + count; start += namesPerRule, rule++) {
      List<String> names = new ArrayList<>(namesPerRule);
      for (int n = start; n < Math.min(start + namesPerRule, first + count); n++) {
        names.add("sys_" + n);
      }
      SeccompAction action = ACTIONS[Math.floorMod(rule + first, ACTIONS.length)];
      Integer errno = action == SeccompAction.ERRNO ? Integer.valueOf(1) : null;
      List<SyscallArg> args = rule % 10 == 9 ? List.of(SyscallArg.of(0, ArgOperator.EQ, rule)) : List.of();
      out.add(new Syscall(names, action, errno, args));
    }
    return out;
  }

  static SeccompProfile profile(String name, @Nullable String base, List<Syscall> rules) {
    return SeccompProfile.of(
        name,
        SeccompSpec.builder()
            .defaultAction(SeccompAction.ERRNO)
            .baseProfileName(base)
            .syscalls(rules)
            .build());
  }
}
