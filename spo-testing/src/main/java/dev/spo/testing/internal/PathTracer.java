package dev.spo.testing.internal;

import dev.spo.seccomp.bpf.BpfInstruction;
import dev.spo.seccomp.bpf.BpfProgram;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a program for one syscall and records the index of every instruction executed.
 *
 * <p>{@link BpfProgram#evaluate} reports only the verdict and a count; failure messages need the
 * path itself. This mirrors the emulator's semantics (kernel {@code __bpf_prog_run}, classic
 * subset); {@link #trace} callers compare the result with the emulator's so a divergence shows up
 * as an error instead of a misleading message.
 */
public final class PathTracer {
  private static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, RET = 0x06;
  private static final int ABS = 0x20, MEM = 0x60, LEN = 0x80;
  private static final int ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50, LSH = 0x60, RSH = 0x70,
      NEG = 0x80;
  private static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30;
  private static final int X = 0x08, A = 0x10, TXA = 0x80;

  /**
   * The executed path.
   *
   * @param pcs instruction indexes in execution order, the last one a {@code ret} (or the
   *     division by zero that ends the filter)
   * @param returnValue the value the program returned
   */
  public record Path(List<Integer> pcs, int returnValue) {
    public Path {
      pcs = List.copyOf(pcs);
    }
  }

  private PathTracer() {}

  /** Runs {@code program} for {@code seccomp_data} (arch, nr, args, ip 0) and records the path. */
  public static Path trace(BpfProgram program, int arch, int nr, long[] args) {
    int[] data = seccompData(program.byteOrder(), arch, nr, args);
    List<BpfInstruction> insns = program.instructions();
    List<Integer> pcs = new ArrayList<>();
    int a = 0;
    int x = 0;
    int[] mem = new int[16];
    int pc = 0;
    // The program was validated (forward jumps only, final RET), so this terminates.
    while (true) {
      BpfInstruction insn = insns.get(pc);
      pcs.add(pc);
      int k = insn.k();
      int code = insn.code();
      switch (code & 0x07) {
        case LD -> {
          switch (code & 0xe0) {
            case ABS -> a = data[k >>> 2];
            case LEN -> a = BpfProgram.SECCOMP_DATA_SIZE;
            case MEM -> a = mem[k];
            default -> a = k;
          }
          pc++;
        }
        case LDX -> {
          switch (code & 0xe0) {
            case LEN -> x = BpfProgram.SECCOMP_DATA_SIZE;
            case MEM -> x = mem[k];
            default -> x = k;
          }
          pc++;
        }
        case ST -> {
          mem[k] = a;
          pc++;
        }
        case STX -> {
          mem[k] = x;
          pc++;
        }
        case ALU -> {
          int operand = (code & X) != 0 ? x : k;
          if ((code & 0xf0) == DIV && operand == 0) {
            return new Path(pcs, 0);
          }
          a = alu(code & 0xf0, a, operand);
          pc++;
        }
        case JMP -> {
          int op = code & 0xf0;
          if (op == JA) {
            pc += 1 + k;
          } else {
            int operand = (code & X) != 0 ? x : k;
            boolean cond = switch (op) {
              case JEQ -> a == operand;
              case JGT -> Integer.compareUnsigned(a, operand) > 0;
              case JGE -> Integer.compareUnsigned(a, operand) >= 0;
              default -> (a & operand) != 0;
            };
            pc += 1 + (cond ? insn.jt() : insn.jf());
          }
        }
        case RET -> {
          return new Path(pcs, (code & 0x18) == A ? a : k);
        }
        default -> {
          if ((code & 0xf8) == TXA) {
            a = x;
          } else {
            x = a;
          }
          pc++;
        }
      }
    }
  }

  private static int alu(int op, int a, int operand) {
    return switch (op) {
      case ADD -> a + operand;
      case SUB -> a - operand;
      case MUL -> a * operand;
      case DIV -> Integer.divideUnsigned(a, operand);
      case OR -> a | operand;
      case AND -> a & operand;
      case LSH -> (operand & 0xffffffffL) >= 32 ? 0 : a << operand;
      case RSH -> (operand & 0xffffffffL) >= 32 ? 0 : a >>> operand;
      case NEG -> -a;
      default -> a ^ operand;
    };
  }

  private static int[] seccompData(ByteOrder order, int arch, int nr, long[] args) {
    int[] w = new int[BpfProgram.SECCOMP_DATA_SIZE / 4];
    w[0] = nr;
    w[1] = arch;
    boolean little = order == ByteOrder.LITTLE_ENDIAN;
    for (int i = 0; i < args.length; i++) {
      int lo = (int) args[i];
      int hi = (int) (args[i] >>> 32);
      w[4 + 2 * i] = little ? lo : hi;
      w[5 + 2 * i] = little ? hi : lo;
    }
    return w;
  }
}
