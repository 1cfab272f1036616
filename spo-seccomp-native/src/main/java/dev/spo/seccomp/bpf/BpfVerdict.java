package dev.spo.seccomp.bpf;

/**
 * Result of running a seccomp filter for one {@code seccomp_data}.
 *
 * @param returnValue the 32-bit value the program returned ({@code SECCOMP_RET_*} | data)
 * @param instructionsExecuted instructions executed, including the final {@code ret}
 */
public record BpfVerdict(int returnValue, int instructionsExecuted) {

  /** The action the kernel takes (unknown actions count as KILL_PROCESS, as in the kernel). */
  public FilterAction action() {
    return FilterAction.effective(returnValue);
  }

  /** The data bits ({@code SECCOMP_RET_DATA}), e.g. the errno of an ERRNO action. */
  public int data() {
    return returnValue & 0xffff;
  }

  /**
   * The errno a syscall sees for an ERRNO action; the kernel caps the data at 4095
   * ({@code MAX_ERRNO}). 0 for other actions.
   */
  public int errno() {
    return action() == FilterAction.ERRNO ? Math.min(data(), 4095) : 0;
  }

  @Override
  public String toString() {
    return FilterAction.describe(returnValue) + " after " + instructionsExecuted + " instructions";
  }
}
