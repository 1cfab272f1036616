package dev.spo.seccomp.bpf;

import static dev.spo.seccomp.bpf.BpfInstruction.*;

import java.nio.ByteOrder;
import java.util.List;

/** Readable listings of seccomp programs, in the spirit of libseccomp's {@code scmp_bpf_disasm}. */
final class Disassembler {
  private Disassembler() {}

  static String listing(BpfProgram program) {
    StringBuilder sb = new StringBuilder();
    sb.append(" line  OP   JT   JF   K\n");
    sb.append("=================================\n");
    List<BpfInstruction> insns = program.instructions();
    for (int i = 0; i < insns.size(); i++) {
      BpfInstruction insn = insns.get(i);
      sb.append(String.format(" %04d: 0x%02x 0x%02x 0x%02x 0x%08x   %s%n",
          i, insn.code(), insn.jt(), insn.jf(), insn.k(), mnemonic(insn, i, program.byteOrder())));
    }
    return sb.toString();
  }

  static String mnemonic(BpfInstruction insn, int pc, ByteOrder order) {
    int code = insn.code();
    int k = insn.k();
    String src = (code & X) != 0 ? "x" : hex(k);
    switch (code & 0x07) {
      case LD:
        switch (code & 0xe0) {
          case ABS:
            return "ld " + field(k, order);
          case LEN:
            return "ld #len";
          case MEM:
            return "ld M[" + k + "]";
          default:
            return "ld #" + hex(k);
        }
      case LDX:
        switch (code & 0xe0) {
          case LEN:
            return "ldx #len";
          case MEM:
            return "ldx M[" + k + "]";
          default:
            return "ldx #" + hex(k);
        }
      case ST:
        return "st M[" + k + "]";
      case STX:
        return "stx M[" + k + "]";
      case ALU:
        String[] names = {"add", "sub", "mul", "div", "or", "and", "lsh", "rsh", "neg", "mod", "xor"};
        int op = (code & 0xf0) >>> 4;
        String name = op < names.length ? names[op] : "alu?";
        return op == 8 ? "neg" : name + " " + src;
      case JMP:
        int jop = code & 0xf0;
        if (jop == JA) {
          return "ja " + (pc + 1 + k);
        }
        String j = switch (jop) {
          case JEQ -> "jeq";
          case JGT -> "jgt";
          case JGE -> "jge";
          case JSET -> "jset";
          default -> "j?";
        };
        return j + " " + src + " true:" + (pc + 1 + insn.jt()) + " false:" + (pc + 1 + insn.jf());
      case RET:
        return (code & 0x18) == A ? "ret a" : "ret " + FilterAction.describe(k);
      default:
        return (code & 0xf8) == TXA ? "txa" : "tax";
    }
  }

  /** Name of the {@code seccomp_data} word at {@code offset}; 64-bit fields split by byte order. */
  static String field(int offset, ByteOrder order) {
    if (offset == 0) {
      return "nr";
    }
    if (offset == 4) {
      return "arch";
    }
    if (offset < 0 || offset >= BpfProgram.SECCOMP_DATA_SIZE || (offset & 3) != 0) {
      return "[" + offset + "]";
    }
    boolean firstWord = (offset & 4) == 0;
    boolean low = firstWord == (order == ByteOrder.LITTLE_ENDIAN);
    String half = low ? ".lo" : ".hi";
    if (offset < 16) {
      return "ip" + half;
    }
    return "a" + (offset - 16) / 8 + half;
  }

  private static String hex(int k) {
    return k >= 0 && k < 10 ? Integer.toString(k) : String.format("0x%x", k);
  }
}
