package dev.spo.seccomp.internal;

import dev.spo.seccomp.bpf.BpfInstruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * runc's {@code -ENOSYS} stub (libcontainer/seccomp/patchbpf), rebuilt from its described
 * behaviour: for each architecture, syscalls numbered above the highest one the profile names get
 * {@code ERRNO(ENOSYS)} instead of the default action, so libc fallbacks for syscalls newer than
 * the profile work. Everything else falls through to the libseccomp program that follows.
 *
 * <p>Layout: {@code ld arch}; one {@code jeq} per {@code AUDIT_ARCH} to its section; {@code ja
 * filter}; per section {@code ld nr}, on s390/s390x {@code nr == 0} (the multiplexed
 * {@code setup(2)}) gets ENOSYS, on x86_64 bit 30 of nr selects the x32 or the x86_64 limit
 * (an ABI without a limit goes to the filter), {@code jgt max} → ENOSYS, else filter; then
 * {@code ret ERRNO(ENOSYS)}.
 */
public final class EnosysStub {
  /** {@code SCMP_ACT_ERRNO(ENOSYS)}. */
  public static final int RET_ENOSYS = 0x00050026;

  private static final int X32_BIT = 0x40000000;
  private static final int S390 = 0x00000016;
  private static final int S390X = 0x80000016;

  private EnosysStub() {}

  /**
   * Builds the stub.
   *
   * @param maxSyscall highest syscall number named by the profile, per libseccomp arch token
   *     (x32 numbers include bit 30); tokens without any known syscall must be left out
   * @return the instructions to prepend; empty when there is nothing to check
   */
  public static List<BpfInstruction> build(Map<Integer, Integer> maxSyscall) {
    if (maxSyscall.isEmpty()) {
      return List.of();
    }
    // Group x86_64 and x32 under AUDIT_ARCH_X86_64, keeping the caller's order.
    Map<Integer, Map<Integer, Integer>> groups = new LinkedHashMap<>();
    maxSyscall.forEach((token, max) ->
        groups.computeIfAbsent(Arches.auditArch(token), k -> new LinkedHashMap<>()).put(token, max));

    // Sections use two symbolic targets: ENOSYS (the shared ret) and FILTER (first instruction after the stub).
    List<List<Op>> sections = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, Integer>> g : groups.entrySet()) {
      sections.add(section(g.getKey(), g.getValue()));
    }
    int header = 1 + groups.size() + 1; // ld arch, jeq per group, ja filter
    int[] sectionStart = new int[sections.size()];
    int pos = header;
    for (int i = 0; i < sections.size(); i++) {
      sectionStart[i] = pos;
      pos += sections.get(i).size();
    }
    int enosys = pos;
    int filter = pos + 1;

    List<BpfInstruction> out = new ArrayList<>(filter);
    out.add(BpfInstruction.loadAbsolute(4));
    int gi = 0;
    for (int audit : groups.keySet()) {
      int pc = out.size();
      out.add(BpfInstruction.jeq(audit, offset(pc, sectionStart[gi]), 0));
      gi++;
    }
    out.add(BpfInstruction.ja(filter - out.size() - 1));
    for (List<Op> section : sections) {
      for (Op op : section) {
        int pc = out.size();
        out.add(op.resolve(pc, enosys, filter));
      }
    }
    out.add(BpfInstruction.ret(RET_ENOSYS));
    return out;
  }

  private static List<Op> section(int audit, Map<Integer, Integer> byToken) {
    List<Op> ops = new ArrayList<>();
    ops.add(Op.plain(BpfInstruction.loadAbsolute(0)));
    if (audit == Arches.X86_64_TOKEN) {
      Integer x64 = byToken.get(Arches.X86_64_TOKEN);
      Integer x32 = byToken.get(Arches.X32_TOKEN);
      if (x64 != null && x32 != null) {
        // bit 30 set: skip the x86_64 compare and test the x32 limit.
        ops.add(Op.jump(BpfInstruction.JSET_K, X32_BIT, Target.next(1), Target.next(0)));
        ops.add(Op.jump(BpfInstruction.JGT_K, x64, Target.ENOSYS_T, Target.FILTER_T));
        ops.add(Op.jump(BpfInstruction.JGT_K, x32, Target.ENOSYS_T, Target.FILTER_T));
      } else if (x64 != null) {
        // x32 calls are left to libseccomp (bad-arch action).
        ops.add(Op.jump(BpfInstruction.JSET_K, X32_BIT, Target.FILTER_T, Target.next(0)));
        ops.add(Op.jump(BpfInstruction.JGT_K, x64, Target.ENOSYS_T, Target.FILTER_T));
      } else if (x32 != null) {
        ops.add(Op.jump(BpfInstruction.JSET_K, X32_BIT, Target.next(0), Target.FILTER_T));
        ops.add(Op.jump(BpfInstruction.JGT_K, x32, Target.ENOSYS_T, Target.FILTER_T));
      }
      return ops;
    }
    int max = byToken.values().iterator().next();
    if (audit == S390 || audit == S390X) {
      ops.add(Op.jump(BpfInstruction.JEQ_K, 0, Target.ENOSYS_T, Target.next(0)));
    }
    ops.add(Op.jump(BpfInstruction.JGT_K, max, Target.ENOSYS_T, Target.FILTER_T));
    return ops;
  }

  private static int offset(int pc, int target) {
    int off = target - pc - 1;
    if (off < 0 || off > 255) {
      // Cannot happen with the at most 20 architectures libseccomp knows (sections are <= 4 instructions).
      throw new IllegalStateException("ENOSYS stub jump out of range: " + off);
    }
    return off;
  }

  /** A jump target: the shared ENOSYS ret, the filter, or n instructions after the next one. */
  private record Target(int kind, int skip) {
    static final Target ENOSYS_T = new Target(0, 0);
    static final Target FILTER_T = new Target(1, 0);

    static Target next(int skip) {
      return new Target(2, skip);
    }

    int resolve(int pc, int enosys, int filter) {
      return switch (kind) {
        case 0 -> offset(pc, enosys);
        case 1 -> offset(pc, filter);
        default -> skip;
      };
    }
  }

  /** An instruction whose jump offsets are resolved once the layout is known. */
  private record Op(BpfInstruction insn, Target jt, Target jf, boolean conditional) {
    static Op plain(BpfInstruction insn) {
      return new Op(insn, Target.next(0), Target.next(0), false);
    }

    static Op jump(int code, int k, Target jt, Target jf) {
      return new Op(new BpfInstruction(code, 0, 0, k), jt, jf, true);
    }

    BpfInstruction resolve(int pc, int enosys, int filter) {
      if (!conditional) {
        return insn;
      }
      return new BpfInstruction(insn.code(), jt.resolve(pc, enosys, filter), jf.resolve(pc, enosys, filter), insn.k());
    }
  }
}
