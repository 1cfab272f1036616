package dev.spo.seccomp.bpf;

/**
 * One classic BPF instruction ({@code struct sock_filter}): 16-bit opcode, two 8-bit jump offsets
 * and a 32-bit constant. Values are held unsigned in the given ranges.
 *
 * @param code opcode, 0..0xffff
 * @param jt jump offset if true, 0..255
 * @param jf jump offset if false, 0..255
 * @param k constant (bit pattern of a {@code u32})
 */
public record BpfInstruction(int code, int jt, int jf, int k) {
  /** Size of {@code struct sock_filter} in bytes. */
  public static final int SIZE = 8;

  // Instruction classes, sizes, modes, operations and sources of classic BPF (linux/bpf_common.h).
  static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, RET = 0x06, MISC = 0x07;
  static final int W = 0x00, IMM = 0x00, ABS = 0x20, MEM = 0x60, LEN = 0x80;
  static final int ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50, LSH = 0x60, RSH = 0x70,
      NEG = 0x80, XOR = 0xa0;
  static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30, JSET = 0x40;
  static final int K = 0x00, X = 0x08, A = 0x10;
  static final int TAX = 0x00, TXA = 0x80;

  /** Opcode {@code JMP|JEQ|K}. */
  public static final int JEQ_K = 0x15;
  /** Opcode {@code JMP|JGT|K}. */
  public static final int JGT_K = 0x25;
  /** Opcode {@code JMP|JGE|K}. */
  public static final int JGE_K = 0x35;
  /** Opcode {@code JMP|JSET|K}. */
  public static final int JSET_K = 0x45;

  public BpfInstruction {
    if (code < 0 || code > 0xffff) {
      throw new IllegalArgumentException("code out of range: " + code);
    }
    if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
      throw new IllegalArgumentException("jump offsets must be 0..255: jt=" + jt + " jf=" + jf);
    }
  }

  /** {@code ld [offset]}: load a 32-bit word of {@code seccomp_data}. */
  public static BpfInstruction loadAbsolute(int offset) {
    return new BpfInstruction(LD | W | ABS, 0, 0, offset);
  }

  /** A conditional jump on a constant, e.g. {@code JEQ|K}; {@code op} is one of 0x10, 0x20, 0x30, 0x40. */
  public static BpfInstruction jump(int op, int k, int jt, int jf) {
    return new BpfInstruction(JMP | op | K, jt, jf, k);
  }

  /** {@code jeq k, jt, jf}. */
  public static BpfInstruction jeq(int k, int jt, int jf) {
    return jump(JEQ, k, jt, jf);
  }

  /** {@code jgt k, jt, jf}. */
  public static BpfInstruction jgt(int k, int jt, int jf) {
    return jump(JGT, k, jt, jf);
  }

  /** {@code jge k, jt, jf}. */
  public static BpfInstruction jge(int k, int jt, int jf) {
    return jump(JGE, k, jt, jf);
  }

  /** {@code jset k, jt, jf}. */
  public static BpfInstruction jset(int k, int jt, int jf) {
    return jump(JSET, k, jt, jf);
  }

  /** {@code ja k}: unconditional forward jump over {@code k} instructions. */
  public static BpfInstruction ja(int k) {
    return new BpfInstruction(JMP | JA, 0, 0, k);
  }

  /** {@code ret k}. */
  public static BpfInstruction ret(int k) {
    return new BpfInstruction(RET | K, 0, 0, k);
  }

  /** {@code and k}. */
  public static BpfInstruction and(int k) {
    return new BpfInstruction(ALU | AND | K, 0, 0, k);
  }

  /** The instruction class (low three bits of the opcode). */
  public int instructionClass() {
    return code & 0x07;
  }

  /** Whether this is a {@code RET} instruction. */
  public boolean isReturn() {
    return instructionClass() == RET;
  }

  /** Whether this is a conditional jump (uses {@code jt}/{@code jf}). */
  public boolean isConditionalJump() {
    return instructionClass() == JMP && (code & 0xf0) != JA;
  }

  /** Whether this is an unconditional jump ({@code ja}). */
  public boolean isUnconditionalJump() {
    return instructionClass() == JMP && (code & 0xf0) == JA;
  }

  @Override
  public String toString() {
    return String.format("{0x%02x, %d, %d, 0x%08x}", code, jt, jf, k);
  }
}
