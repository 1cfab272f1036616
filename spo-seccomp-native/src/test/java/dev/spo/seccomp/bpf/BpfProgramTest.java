package dev.spo.seccomp.bpf;

import static dev.spo.seccomp.bpf.BpfInstruction.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpfProgramTest {
  static final int X86_64 = 0xc000003e;
  static final int ALLOW = 0x7fff0000;
  static final int EPERM = 0x00050001;

  /** The 16-instruction filter of kernel-enforcement-test.md §2, built by hand. */
  static List<BpfInstruction> referenceFilter() {
    return List.of(
        loadAbsolute(4),
        jeq(X86_64, 0, 13),
        loadAbsolute(0),
        jge(0x40000000, 0, 1),
        jeq(0xffffffff, 0, 10),
        jeq(63, 8, 0),
        jeq(110, 0, 1),
        ret(0x00050026),
        jeq(135, 0, 4),
        loadAbsolute(20),
        jeq(0, 0, 2),
        loadAbsolute(16),
        jeq(0x1234, 1, 0),
        ret(ALLOW),
        ret(EPERM),
        ret(0));
  }

  @Test
  void evaluatesReferenceFilterLikeTheKernel() {
    BpfProgram p = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN);
    assertThat(p.evaluate(X86_64, 63).returnValue()).isEqualTo(EPERM);
    assertThat(p.evaluate(X86_64, 63).errno()).isEqualTo(1);
    assertThat(p.evaluate(X86_64, 110).errno()).isEqualTo(38);
    assertThat(p.evaluate(X86_64, 135, 0x1234L).action()).isEqualTo(FilterAction.ERRNO);
    assertThat(p.evaluate(X86_64, 135, 0xffffffffL).action()).isEqualTo(FilterAction.ALLOW);
    // 64-bit compare: the high word differs, so the rule does not match.
    assertThat(p.evaluate(X86_64, 135, 0x1_0000_1234L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 39).action()).isEqualTo(FilterAction.ALLOW);
    // Foreign arch and x32 numbers go to the bad-arch action; nr -1 falls through.
    assertThat(p.evaluate(0x40000003, 39).action()).isEqualTo(FilterAction.KILL_THREAD);
    assertThat(p.evaluate(X86_64, 0x40000001).action()).isEqualTo(FilterAction.KILL_THREAD);
    assertThat(p.evaluate(X86_64, -1).action()).isEqualTo(FilterAction.ALLOW);
  }

  @Test
  void countsExecutedInstructionsIncludingRet() {
    BpfProgram p = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN);
    // ld arch, jeq, ld nr, jge, jeq 63, ret
    assertThat(p.evaluate(X86_64, 63).instructionsExecuted()).isEqualTo(6);
    // ... jeq 63, jeq 110, jeq 135, ld hi, jeq, ld lo, jeq, ret
    assertThat(p.evaluate(X86_64, 135, 0x1234L).instructionsExecuted()).isEqualTo(12);
    assertThat(p.evaluate(0x40000003, 1).instructionsExecuted()).isEqualTo(3);
  }

  @Test
  void traceRecordsTheExecutedPathInOrder() {
    BpfProgram p = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN);
    for (int nr : new int[] {63, 110, 39, 135}) {
      BpfTrace trace = p.trace(X86_64, nr, new long[] {0x1234L}, 0L);
      assertThat(trace.verdict()).isEqualTo(p.evaluate(X86_64, nr, 0x1234L));
      assertThat(trace.path()).hasSize(trace.verdict().instructionsExecuted()).startsWith(0).isSorted();
      assertThat(p.instructions().get(trace.path().get(trace.path().size() - 1)).code() & 0x07).isEqualTo(0x06);
    }
  }

  @Test
  void roundTripsBothByteOrders() {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      BpfProgram p = BpfProgram.of(referenceFilter(), order);
      byte[] bytes = p.toBytes();
      assertThat(bytes).hasSize(16 * 8);
      assertThat(BpfProgram.parse(bytes, order)).isEqualTo(p);
    }
    byte[] le = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN).toBytes();
    assertThat(java.util.Arrays.copyOf(le, 8)).containsExactly(0x20, 0, 0, 0, 4, 0, 0, 0);
    byte[] be = BpfProgram.of(referenceFilter(), ByteOrder.BIG_ENDIAN).toBytes();
    assertThat(java.util.Arrays.copyOf(be, 8)).containsExactly(0, 0x20, 0, 0, 0, 0, 0, 4);
  }

  @Test
  void bigEndianSeccompDataSwapsArgumentHalves() {
    // ld [16] is the high word of a0 on a big-endian target.
    BpfProgram p = BpfProgram.of(
        List.of(loadAbsolute(16), jeq(1, 0, 1), ret(ALLOW), ret(EPERM)), ByteOrder.BIG_ENDIAN);
    assertThat(p.evaluate(0x80000016, 1, 0x1_0000_0000L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(0x80000016, 1, 1L).action()).isEqualTo(FilterAction.ERRNO);
    assertThat(p.mnemonic(0)).isEqualTo("ld a0.hi");
    BpfProgram le = BpfProgram.of(List.of(loadAbsolute(16), jeq(1, 0, 1), ret(ALLOW), ret(EPERM)), ByteOrder.LITTLE_ENDIAN);
    assertThat(le.mnemonic(0)).isEqualTo("ld a0.lo");
    assertThat(le.evaluate(X86_64, 1, 1L).action()).isEqualTo(FilterAction.ALLOW);
  }

  @Test
  void comparesUnsigned() {
    BpfProgram p = BpfProgram.of(loadAbsolute(16), jgt(2, 0, 1), ret(ALLOW), ret(EPERM));
    assertThat(p.evaluate(X86_64, 1, 0xffffffffL).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 1, 2L).action()).isEqualTo(FilterAction.ERRNO);
    BpfProgram ge = BpfProgram.of(loadAbsolute(16), jge(0x80000000, 0, 1), ret(ALLOW), ret(EPERM));
    assertThat(ge.evaluate(X86_64, 1, 0x80000001L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(ge.evaluate(X86_64, 1, 0x7fffffffL).action()).isEqualTo(FilterAction.ERRNO);
  }

  @Test
  void runsAluScratchAndJset() {
    BpfProgram p = BpfProgram.of(
        loadAbsolute(16),
        and(0xff00),
        new BpfInstruction(0x02, 0, 0, 3), // st M[3]
        new BpfInstruction(0x00, 0, 0, 7), // ld #7
        new BpfInstruction(0x60, 0, 0, 3), // ld M[3]
        new BpfInstruction(0x74, 0, 0, 8), // rsh #8
        jset(0x80, 0, 1),
        ret(ALLOW),
        new BpfInstruction(0x16, 0, 0, 0)); // ret a
    assertThat(p.evaluate(X86_64, 1, 0x8000L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 1, 0x1234L).returnValue()).isEqualTo(0x12);
  }

  @Test
  void divisionByZeroRegisterEndsWithZero() {
    BpfProgram p = BpfProgram.of(
        new BpfInstruction(0x01, 0, 0, 0), // ldx #0
        new BpfInstruction(0x00, 0, 0, 9), // ld #9
        new BpfInstruction(0x3c, 0, 0, 0), // div x
        ret(ALLOW));
    assertThat(p.evaluate(X86_64, 1).returnValue()).isZero();
  }

  @Test
  void disassemblesWithNamedFieldsAndActions() {
    BpfProgram p = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN);
    assertThat(p.mnemonic(0)).isEqualTo("ld arch");
    assertThat(p.mnemonic(1)).isEqualTo("jeq 0xc000003e true:2 false:15");
    assertThat(p.mnemonic(2)).isEqualTo("ld nr");
    assertThat(p.mnemonic(9)).isEqualTo("ld a0.hi");
    assertThat(p.mnemonic(7)).isEqualTo("ret ERRNO(38)");
    assertThat(p.mnemonic(13)).isEqualTo("ret ALLOW");
    assertThat(p.mnemonic(15)).isEqualTo("ret KILL_THREAD");
    assertThat(p.disassemble()).contains(" 0000: 0x20 0x00 0x00 0x00000004   ld arch")
        .contains(" 0014: 0x06 0x00 0x00 0x00050001   ret ERRNO(1)");
    assertThat(BpfProgram.of(ja(0), ret(0x80000000)).mnemonic(1)).isEqualTo("ret KILL_PROCESS");
    assertThat(BpfProgram.of(ja(0), ret(0x80000000)).mnemonic(0)).isEqualTo("ja 1");
  }

  @Test
  void rejectsEmptyAndOversizedPrograms() {
    assertThatThrownBy(() -> BpfProgram.of(List.of(), ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(BpfException.class).hasMessageContaining("length 0");
    List<BpfInstruction> big = new ArrayList<>(Collections.nCopies(4096, ret(ALLOW)));
    assertThat(BpfProgram.of(big, ByteOrder.LITTLE_ENDIAN).length()).isEqualTo(4096);
    big.add(ret(ALLOW));
    assertThatThrownBy(() -> BpfProgram.of(big, ByteOrder.LITTLE_ENDIAN)).isInstanceOf(BpfException.class);
    assertThatThrownBy(() -> BpfProgram.parse(new byte[12], ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(BpfException.class).hasMessageContaining("multiple of 8");
  }

  @Test
  void rejectsWhatTheKernelRejects() {
    assertInvalid(1, "last instruction", ret(ALLOW), loadAbsolute(0));
    assertInvalid(0, "past the end", jeq(1, 1, 0), ret(ALLOW));
    assertInvalid(0, "past the end", ja(1), ret(ALLOW));
    assertInvalid(0, "aligned word", loadAbsolute(2), ret(ALLOW));
    assertInvalid(0, "aligned word", loadAbsolute(64), ret(ALLOW));
    assertInvalid(0, "not allowed", new BpfInstruction(0x28, 0, 0, 0), ret(ALLOW)); // ld h abs
    assertInvalid(0, "not allowed", new BpfInstruction(0x40, 0, 0, 0), ret(ALLOW)); // ld ind
    assertInvalid(0, "not allowed", new BpfInstruction(0x94, 0, 0, 3), ret(ALLOW)); // mod
    assertInvalid(0, "not allowed", new BpfInstruction(0xb1, 0, 0, 0), ret(ALLOW)); // ldx msh
    assertInvalid(0, "not allowed", new BpfInstruction(0x0e, 0, 0, 0)); // ret x
    assertInvalid(0, "division", new BpfInstruction(0x34, 0, 0, 0), ret(ALLOW));
    assertInvalid(0, "shift", new BpfInstruction(0x64, 0, 0, 32), ret(ALLOW));
    assertInvalid(0, "below 16", new BpfInstruction(0x02, 0, 0, 16), ret(ALLOW));
    assertInvalid(0, "read before", new BpfInstruction(0x60, 0, 0, 1), ret(ALLOW));
    // Written on one path only: still rejected at the join.
    assertInvalid(4, "read before",
        loadAbsolute(0), jeq(1, 0, 1), new BpfInstruction(0x02, 0, 0, 2), new BpfInstruction(0x00, 0, 0, 0),
        new BpfInstruction(0x60, 0, 0, 2), ret(ALLOW));
  }

  private static void assertInvalid(int index, String message, BpfInstruction... insns) {
    assertThatThrownBy(() -> BpfProgram.of(insns))
        .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.instructionIndex()).isEqualTo(index))
        .hasMessageContaining(message);
  }

  @Test
  void prependKeepsRelativeJumps() {
    BpfProgram p = BpfProgram.of(referenceFilter(), ByteOrder.LITTLE_ENDIAN)
        .prepend(List.of(loadAbsolute(0), jeq(999, 0, 1), ret(0x00050026)));
    assertThat(p.length()).isEqualTo(19);
    assertThat(p.evaluate(X86_64, 999).errno()).isEqualTo(38);
    assertThat(p.evaluate(X86_64, 63).errno()).isEqualTo(1);
  }

  @Test
  void describesReturnValues() {
    assertThat(FilterAction.describe(0x7ff00005)).isEqualTo("TRACE(5)");
    assertThat(FilterAction.describe(0x12340000)).isEqualTo("0x12340000");
    assertThat(FilterAction.effective(0x12340000)).isEqualTo(FilterAction.KILL_PROCESS);
    assertThat(new BpfVerdict(0x0005ffff, 1).errno()).isEqualTo(4095);
  }
}
