package dev.spo.testing.internal;

import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.bpf.BpfProgram;
import dev.spo.seccomp.bpf.FilterAction;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Texts of assertion failures: expected vs actual, the rules behind the verdict, the path. */
public final class FailureReport {
  /** Paths up to this length are shown whole; a linear moby filter can run 600 instructions. */
  private static final int FULL_PATH = 40;
  private static final int HEAD = 12;
  private static final int TAIL = 24;

  private FailureReport() {}

  /** The message for a verdict that did not meet the expectation. */
  public static String verdictMismatch(FilterSubject subject, FilterSubject.Evaluation ev, String expected) {
    StringBuilder b = new StringBuilder();
    b.append("Expecting syscall ").append(ev.name()).append(" (nr ").append(ev.nr()).append(" on ")
        .append(ev.arch().wireName()).append(", args ").append(args(ev.args())).append(")\n");
    b.append("of ").append(subject.description()).append('\n');
    b.append("  to be: ").append(expected).append('\n');
    b.append("  but was: ").append(FilterAction.describe(ev.verdict().returnValue())).append('\n');
    appendRules(b, subject.spec(), ev);
    appendPath(b, ev);
    return b.toString();
  }

  /** The message for a syscall name libseccomp does not know on the architecture. */
  public static String unknownSyscall(FilterSubject subject, SeccompArch arch, String name) {
    return "Syscall \"" + name + "\" is not in libseccomp's syscall table for " + arch.wireName()
        + " (libseccomp " + FilterSubject.libseccompVersion() + "), so no filter can decide it;\n"
        + "check the spelling, or assert on an architecture that has it.\n"
        + "Subject: " + subject.description();
  }

  private static void appendRules(StringBuilder b, @Nullable SeccompSpec spec, FilterSubject.Evaluation ev) {
    if (spec == null) {
      b.append("Rules: not available (a compiled filter has no profile rules)\n");
      return;
    }
    b.append("Default action: ").append(spec.defaultAction() == null ? "none" : spec.defaultAction().wireName());
    if (spec.defaultErrnoRet() != null) {
      b.append(" (defaultErrnoRet ").append(spec.defaultErrnoRet()).append(')');
    }
    b.append('\n');
    List<Syscall> rules = Rules.naming(spec, ev.name());
    if (rules.isEmpty()) {
      b.append("No rule names ").append(ev.name()).append(": the default action decides.\n");
      return;
    }
    boolean anyHolds = false;
    b.append("Rules naming ").append(ev.name()).append(" (=> conditions hold for these args):\n");
    for (Syscall r : rules) {
      boolean holds = Rules.holds(r, ev.args());
      anyHolds |= holds;
      b.append(holds ? "  => " : "     ").append(Rules.oneLine(r, ev.name()));
      if (r.action() == spec.defaultAction()) {
        b.append("  (same action as the default: runc leaves it out)");
      }
      b.append('\n');
    }
    if (!anyHolds) {
      b.append("None of their conditions hold: the default action decides.\n");
    }
  }

  private static void appendPath(StringBuilder b, FilterSubject.Evaluation ev) {
    CompiledFilter f = ev.filter();
    BpfProgram p = f.program();
    List<Integer> pcs = ev.path();
    b.append("Instruction path: ").append(pcs.size()).append(" of ").append(p.length())
        .append(" instructions executed (libseccomp ").append(f.libseccompVersion()).append(", ")
        .append(f.optimization().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(" layout, filter for ")
        .append(f.architectures().stream().map(SeccompArch::wireName).collect(Collectors.joining(", "))).append("):\n");
    if (pcs.size() <= FULL_PATH) {
      pcs.forEach(pc -> line(b, p, pc));
      return;
    }
    pcs.subList(0, HEAD).forEach(pc -> line(b, p, pc));
    b.append("   ... ").append(pcs.size() - HEAD - TAIL).append(" more ...\n");
    pcs.subList(pcs.size() - TAIL, pcs.size()).forEach(pc -> line(b, p, pc));
  }

  private static void line(StringBuilder b, BpfProgram p, int pc) {
    b.append(String.format("  %5d  %s", pc, p.mnemonic(pc))).append('\n');
  }

  private static String args(long[] args) {
    return Arrays.stream(args).mapToObj(Long::toUnsignedString).collect(Collectors.joining(", ", "[", "]"));
  }
}
