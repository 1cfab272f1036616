package dev.spo.seccomp.bpf;

import static dev.spo.seccomp.bpf.BpfInstruction.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated seccomp classic BPF program together with the byte order of its target
 * architecture.
 *
 * <p>Every instance passed the checks the kernel applies when a seccomp filter is installed
 * ({@code bpf_check_classic} + {@code seccomp_check_filter}): 1..4096 instructions, only the
 * opcodes seccomp allows, forward jumps that stay inside the program, a {@code RET} as the last
 * instruction, 32-bit loads aligned and inside the 64-byte {@code seccomp_data}, no division by a
 * constant zero, no shift by 32 or more, scratch memory written before it is read. A program that
 * fails any of these throws {@link BpfException}, so whatever is built here would be accepted by
 * {@code seccomp(SECCOMP_SET_MODE_FILTER)}.
 *
 * <p>The byte order matters twice: for the encoding of the {@code struct sock_filter} words and
 * for the layout of {@code seccomp_data}, whose 64-bit fields are stored in the target's native
 * order (so {@code ld [16]} reads the low half of {@code args[0]} on little-endian arches and the
 * high half on big-endian ones).
 */
public final class BpfProgram {
  /** {@code BPF_MAXINSNS}: the kernel's limit on instructions per filter. */
  public static final int MAX_INSTRUCTIONS = 4096;

  /** Size of {@code struct seccomp_data} in bytes. */
  public static final int SECCOMP_DATA_SIZE = 64;

  /** Number of scratch memory words ({@code BPF_MEMWORDS}). */
  static final int MEMWORDS = 16;

  private final List<BpfInstruction> instructions;
  private final ByteOrder byteOrder;

  private BpfProgram(List<BpfInstruction> instructions, ByteOrder byteOrder) {
    this.instructions = List.copyOf(instructions);
    this.byteOrder = byteOrder;
  }

  /**
   * A program from instructions, validated.
   *
   * @param instructions the instructions
   * @param byteOrder byte order of the target architecture
   * @throws BpfException when the kernel would reject the program
   */
  public static BpfProgram of(List<BpfInstruction> instructions, ByteOrder byteOrder) {
    Objects.requireNonNull(byteOrder, "byteOrder");
    validate(instructions);
    return new BpfProgram(instructions, byteOrder);
  }

  /** A little-endian program from instructions, validated. */
  public static BpfProgram of(BpfInstruction... instructions) {
    return of(List.of(instructions), ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Parses an array of {@code struct sock_filter} as {@code seccomp_export_bpf} writes it.
   *
   * @param bytes the raw program, a multiple of 8 bytes
   * @param byteOrder the byte order the words were written in (the target architecture's)
   * @throws BpfException when the length is not a non-zero multiple of 8 or the program is invalid
   */
  public static BpfProgram parse(byte[] bytes, ByteOrder byteOrder) {
    if (bytes.length == 0 || bytes.length % BpfInstruction.SIZE != 0) {
      throw new BpfException(-1, "program size " + bytes.length + " is not a non-zero multiple of 8 bytes");
    }
    if (bytes.length / BpfInstruction.SIZE > MAX_INSTRUCTIONS) {
      throw new BpfException(-1, "program has " + bytes.length / BpfInstruction.SIZE
          + " instructions, more than the kernel's limit of " + MAX_INSTRUCTIONS);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(byteOrder);
    List<BpfInstruction> list = new ArrayList<>(bytes.length / BpfInstruction.SIZE);
    while (buf.hasRemaining()) {
      int code = Short.toUnsignedInt(buf.getShort());
      int jt = Byte.toUnsignedInt(buf.get());
      int jf = Byte.toUnsignedInt(buf.get());
      int k = buf.getInt();
      list.add(new BpfInstruction(code, jt, jf, k));
    }
    return of(list, byteOrder);
  }

  /** The instructions, in order. */
  public List<BpfInstruction> instructions() {
    return instructions;
  }

  /** Number of instructions. */
  public int length() {
    return instructions.size();
  }

  /** Byte order of the target architecture. */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  /** The program as {@code struct sock_filter[]} in its byte order. */
  public byte[] toBytes() {
    ByteBuffer buf = ByteBuffer.allocate(instructions.size() * BpfInstruction.SIZE).order(byteOrder);
    for (BpfInstruction i : instructions) {
      buf.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
    }
    return buf.array();
  }

  /** A copy with {@code prefix} placed in front of this program (jump offsets are relative, so nothing moves). */
  public BpfProgram prepend(List<BpfInstruction> prefix) {
    List<BpfInstruction> all = new ArrayList<>(prefix);
    all.addAll(instructions);
    return of(all, byteOrder);
  }

  /**
   * Runs the program for one syscall, with the kernel's semantics (32-bit unsigned registers and
   * compares, {@code seccomp_data} laid out in this program's byte order).
   *
   * @param arch the {@code AUDIT_ARCH_*} value the kernel reports (e.g. {@code 0xc000003e})
   * @param nr the syscall number
   * @param args the six syscall arguments as raw 64-bit registers; fewer than six means the rest are 0
   * @param instructionPointer the instruction pointer
   * @return the returned value and the number of instructions executed
   */
  public BpfVerdict evaluate(int arch, int nr, long[] args, long instructionPointer) {
    return Emulator.run(this, arch, nr, args, instructionPointer);
  }

  /**
   * Like {@link #evaluate(int, int, long[], long)}, and also returns the index of every instruction
   * executed, in order (for explaining a verdict).
   */
  public BpfTrace trace(int arch, int nr, long[] args, long instructionPointer) {
    List<Integer> path = new ArrayList<>();
    BpfVerdict verdict = Emulator.run(this, arch, nr, args, instructionPointer, path);
    return new BpfTrace(verdict, path);
  }

  /** {@link #evaluate(int, int, long[], long)} with instruction pointer 0. */
  public BpfVerdict evaluate(int arch, int nr, long... args) {
    return evaluate(arch, nr, args, 0L);
  }

  /**
   * A readable listing, one line per instruction: index, opcode, jt, jf, k and a mnemonic with
   * absolute jump targets and named {@code seccomp_data} fields (e.g. {@code ld a0.lo},
   * {@code jeq 0xc000003e true:2 false:12}, {@code ret ERRNO(1)}).
   */
  public String disassemble() {
    return Disassembler.listing(this);
  }

  /** The mnemonic of one instruction (see {@link #disassemble()}). */
  public String mnemonic(int index) {
    return Disassembler.mnemonic(instructions.get(index), index, byteOrder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BpfProgram p && p.byteOrder.equals(byteOrder) && p.instructions.equals(instructions);
  }

  @Override
  public int hashCode() {
    return instructions.hashCode() * 31 + byteOrder.hashCode();
  }

  @Override
  public String toString() {
    return "BpfProgram[" + instructions.size() + " instructions, " + byteOrder + "]";
  }

  // ---------------------------------------------------------------- validation

  private static void validate(List<BpfInstruction> program) {
    int len = program.size();
    if (len == 0 || len > MAX_INSTRUCTIONS) {
      throw new BpfException(-1, "program length " + len + " is outside 1.." + MAX_INSTRUCTIONS);
    }
    for (int pc = 0; pc < len; pc++) {
      BpfInstruction insn = Objects.requireNonNull(program.get(pc), "instruction");
      checkOpcode(insn, pc);
      checkOperands(insn, pc, len);
    }
    if (!program.get(len - 1).isReturn()) {
      throw new BpfException(len - 1, "the last instruction must be a RET");
    }
    checkScratchMemory(program);
  }

  /** The opcode whitelist of {@code seccomp_check_filter}. */
  private static void checkOpcode(BpfInstruction insn, int pc) {
    int code = insn.code();
    switch (code) {
      case LD | W | ABS, LD | W | LEN, LDX | W | LEN, LD | IMM, LDX | IMM, LD | MEM, LDX | MEM, ST, STX,
          RET | K, RET | A, MISC | TAX, MISC | TXA, ALU | NEG,
          JMP | JA:
        return;
      default:
        break;
    }
    int cls = code & 0x07;
    if (cls == ALU && (code & ~0xf8) == ALU) {
      int op = code & 0xf0;
      if (op == ADD || op == SUB || op == MUL || op == DIV || op == AND || op == OR || op == XOR || op == LSH
          || op == RSH) {
        return;
      }
    }
    if (cls == JMP && (code & ~0xf8) == JMP) {
      int op = code & 0xf0;
      if (op == JEQ || op == JGT || op == JGE || op == JSET) {
        return;
      }
    }
    throw new BpfException(pc, String.format("opcode 0x%02x is not allowed in a seccomp filter", code));
  }

  private static void checkOperands(BpfInstruction insn, int pc, int len) {
    int code = insn.code();
    int k = insn.k();
    if (code == (LD | W | ABS)) {
      // seccomp_check_filter: only aligned 32-bit loads inside struct seccomp_data.
      if (Integer.compareUnsigned(k, SECCOMP_DATA_SIZE) >= 0 || (k & 3) != 0) {
        throw new BpfException(pc, String.format("load offset 0x%x is not an aligned word inside seccomp_data", k));
      }
    } else if (code == (LD | MEM) || code == (LDX | MEM) || code == ST || code == STX) {
      if (Integer.compareUnsigned(k, MEMWORDS) >= 0) {
        throw new BpfException(pc, "scratch memory index " + Integer.toUnsignedString(k) + " is not below 16");
      }
    } else if (code == (ALU | DIV | K) && k == 0) {
      throw new BpfException(pc, "division by constant zero");
    } else if ((code == (ALU | LSH | K) || code == (ALU | RSH | K)) && Integer.compareUnsigned(k, 32) >= 0) {
      throw new BpfException(pc, "shift by " + Integer.toUnsignedString(k) + " bits");
    } else if (insn.isUnconditionalJump()) {
      // The kernel compares k against the remaining length as an unsigned value.
      if (Integer.compareUnsigned(k, len - pc - 1) >= 0) {
        throw new BpfException(pc, "ja " + Integer.toUnsignedString(k) + " jumps past the end of the program");
      }
    } else if (insn.isConditionalJump()) {
      if (pc + 1 + insn.jt() >= len || pc + 1 + insn.jf() >= len) {
        throw new BpfException(pc, "conditional jump (jt=" + insn.jt() + ", jf=" + insn.jf()
            + ") goes past the end of the program");
      }
    }
  }

  /** {@code check_load_and_stores}: a scratch word may only be read on paths that wrote it. */
  private static void checkScratchMemory(List<BpfInstruction> program) {
    int len = program.size();
    int[] masks = new int[len];
    java.util.Arrays.fill(masks, 0xffff);
    int valid = 0;
    for (int pc = 0; pc < len; pc++) {
      BpfInstruction insn = program.get(pc);
      valid &= masks[pc];
      int code = insn.code();
      if (code == ST || code == STX) {
        valid |= 1 << insn.k();
      } else if (code == (LD | MEM) || code == (LDX | MEM)) {
        if ((valid & (1 << insn.k())) == 0) {
          throw new BpfException(pc, "scratch memory M[" + insn.k() + "] may be read before it is written");
        }
      } else if (insn.isUnconditionalJump()) {
        masks[pc + 1 + insn.k()] &= valid;
        valid = 0xffff;
      } else if (insn.isConditionalJump()) {
        masks[pc + 1 + insn.jt()] &= valid;
        masks[pc + 1 + insn.jf()] &= valid;
        valid = 0xffff;
      }
    }
  }
}
