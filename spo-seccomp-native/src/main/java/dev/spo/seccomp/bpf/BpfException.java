package dev.spo.seccomp.bpf;

import dev.spo.core.SpoException;

/** A BPF program is malformed or would be rejected by the kernel's seccomp filter checker. */
public final class BpfException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final int instructionIndex;

  /**
   * @param instructionIndex index of the offending instruction, or -1 when the program as a whole is at fault
   * @param message what is wrong
   */
  public BpfException(int instructionIndex, String message) {
    super(instructionIndex < 0 ? message : "instruction " + instructionIndex + ": " + message);
    this.instructionIndex = instructionIndex;
  }

  /** Index of the offending instruction, or -1 when the program as a whole is at fault. */
  public int instructionIndex() {
    return instructionIndex;
  }
}
