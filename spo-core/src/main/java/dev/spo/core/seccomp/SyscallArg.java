package dev.spo.core.seccomp;

import java.util.Objects;

/**
 * One argument condition of a syscall rule.
 *
 * <p>{@code value} and {@code valueTwo} hold unsigned 64-bit quantities in a {@code long}, as the
 * OCI runtime spec defines them ({@code uint64}); use {@link Long#toUnsignedString(long)} to print
 * them. SPO's CRD can only express 0..2^63-1, which validation reports.
 *
 * @param index argument index, 0..5
 * @param value compared value (the mask for {@link ArgOperator#MASKED_EQ})
 * @param valueTwo second value (the expected datum for {@link ArgOperator#MASKED_EQ})
 * @param op the comparison
 */
public record SyscallArg(int index, long value, long valueTwo, ArgOperator op) {
  public SyscallArg {
    Objects.requireNonNull(op, "op");
  }

  /** A condition without a second value. */
  public static SyscallArg of(int index, ArgOperator op, long value) {
    return new SyscallArg(index, value, 0, op);
  }
}
