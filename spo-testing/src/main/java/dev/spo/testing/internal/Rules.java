package dev.spo.testing.internal;

import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Profile rules as short YAML-ish one-liners, and whether their argument conditions hold. */
public final class Rules {
  /** Rules with more names than this show only the asserted one; moby's ALLOW list has 300. */
  private static final int MAX_NAMES = 4;

  private Rules() {}

  /** The rules of {@code spec} that name {@code syscall}, in document order. */
  public static List<Syscall> naming(SeccompSpec spec, String syscall) {
    return spec.syscalls().stream().filter(r -> r.names().contains(syscall)).collect(Collectors.toList());
  }

  /** {@code {names: [read, … +299], action: SCMP_ACT_ALLOW, args: [{index: 0, op: SCMP_CMP_EQ, value: 8}]}}. */
  public static String oneLine(Syscall rule, String syscall) {
    StringBuilder b = new StringBuilder("{names: [");
    if (rule.names().size() <= MAX_NAMES) {
      b.append(String.join(", ", rule.names()));
    } else {
      b.append(syscall).append(", … +").append(rule.names().size() - 1).append(" more");
    }
    b.append("], action: ").append(rule.action().wireName());
    if (rule.errnoRet() != null) {
      b.append(", errnoRet: ").append(rule.errnoRet());
    }
    if (!rule.args().isEmpty()) {
      b.append(", args: [");
      b.append(rule.args().stream().map(Rules::oneLine).collect(Collectors.joining(", ")));
      b.append(']');
    }
    return b.append('}').toString();
  }

  private static String oneLine(SyscallArg arg) {
    StringBuilder b = new StringBuilder("{index: ").append(arg.index());
    b.append(", value: ").append(Long.toUnsignedString(arg.value()));
    if (arg.valueTwo() != 0 || arg.op() == ArgOperator.MASKED_EQ) {
      b.append(", valueTwo: ").append(Long.toUnsignedString(arg.valueTwo()));
    }
    return b.append(", op: ").append(arg.op().wireName()).append('}').toString();
  }

  /**
   * Whether the rule's conditions hold for these 64-bit argument values, with runc's reading: the
   * conditions are ANDed, unless an argument index repeats, in which case runc adds each condition
   * as its own rule, so they are ORed.
   */
  public static boolean holds(Syscall rule, long[] args) {
    if (rule.args().isEmpty()) {
      return true;
    }
    Set<Integer> seen = new HashSet<>();
    boolean repeated = false;
    for (SyscallArg a : rule.args()) {
      repeated |= !seen.add(a.index());
    }
    if (repeated) {
      return rule.args().stream().anyMatch(a -> holds(a, args));
    }
    return rule.args().stream().allMatch(a -> holds(a, args));
  }

  private static boolean holds(SyscallArg cond, long[] args) {
    long v = cond.index() < args.length ? args[cond.index()] : 0L;
    int cmp = Long.compareUnsigned(v, cond.value());
    return switch (cond.op()) {
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case EQ -> cmp == 0;
      case GE -> cmp >= 0;
      case GT -> cmp > 0;
      case MASKED_EQ -> (v & cond.value()) == cond.valueTwo();
    };
  }
}
