package dev.spo.seccomp.bpf;

import static dev.spo.seccomp.bpf.BpfInstruction.*;

import java.nio.ByteOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Interpreter for validated seccomp programs (kernel {@code __bpf_prog_run} semantics, classic subset). */
final class Emulator {
  private Emulator() {}

  static BpfVerdict run(BpfProgram program, int arch, int nr, long[] args, long ip) {
    return run(program, arch, nr, args, ip, null);
  }

  /** Runs the program; when {@code path} is given, the index of every executed instruction is added to it. */
  static BpfVerdict run(BpfProgram program, int arch, int nr, long[] args, long ip, @Nullable List<Integer> path) {
    if (args.length > 6) {
      throw new IllegalArgumentException("a syscall has at most 6 arguments, got " + args.length);
    }
    int[] data = seccompData(program.byteOrder(), arch, nr, args, ip);
    List<BpfInstruction> insns = program.instructions();
    int a = 0;
    int x = 0;
    int[] mem = new int[BpfProgram.MEMWORDS];
    int pc = 0;
    int executed = 0;
    // Validation guarantees forward jumps, in-range targets and a final RET, so this terminates.
    while (true) {
      BpfInstruction insn = insns.get(pc);
      executed++;
      if (path != null) {
        path.add(pc);
      }
      int k = insn.k();
      int code = insn.code();
      switch (code & 0x07) {
        case LD -> {
          switch (code & 0xe0) {
            case ABS -> a = data[k >>> 2];
            case LEN -> a = BpfProgram.SECCOMP_DATA_SIZE;
            case MEM -> a = mem[k];
            default -> a = k; // IMM
          }
          pc++;
        }
        case LDX -> {
          switch (code & 0xe0) {
            case LEN -> x = BpfProgram.SECCOMP_DATA_SIZE;
            case MEM -> x = mem[k];
            default -> x = k; // IMM
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
            // The kernel's classic-to-eBPF conversion ends the filter with 0 on a division by X = 0.
            return new BpfVerdict(0, executed);
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
              default -> (a & operand) != 0; // JSET
            };
            pc += 1 + (cond ? insn.jt() : insn.jf());
          }
        }
        case RET -> {
          return new BpfVerdict((code & 0x18) == A ? a : k, executed);
        }
        default -> { // MISC
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
      default -> a ^ operand; // XOR
    };
  }

  /** {@code struct seccomp_data} as 16 words in the target byte order. */
  private static int[] seccompData(ByteOrder order, int arch, int nr, long[] args, long ip) {
    int[] w = new int[BpfProgram.SECCOMP_DATA_SIZE / 4];
    w[0] = nr;
    w[1] = arch;
    put64(w, 2, ip, order);
    for (int i = 0; i < args.length; i++) {
      put64(w, 4 + 2 * i, args[i], order);
    }
    return w;
  }

  private static void put64(int[] w, int index, long value, ByteOrder order) {
    int lo = (int) value;
    int hi = (int) (value >>> 32);
    boolean little = order == ByteOrder.LITTLE_ENDIAN;
    w[index] = little ? lo : hi;
    w[index + 1] = little ? hi : lo;
  }
}
