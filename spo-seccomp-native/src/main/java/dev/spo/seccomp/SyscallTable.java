package dev.spo.seccomp;

import dev.spo.core.seccomp.SeccompArch;
import dev.spo.seccomp.internal.Arches;
import dev.spo.seccomp.internal.Libseccomp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Syscall names and numbers of one architecture, as the loaded libseccomp knows them (its table,
 * not the running kernel's). x32 numbers include bit 30 ({@code 0x40000000}).
 */
public final class SyscallTable {
  private final Libseccomp lib;
  private final SeccompArch arch;
  private final int token;

  private SyscallTable(Libseccomp lib, SeccompArch arch, int token) {
    this.lib = lib;
    this.arch = arch;
    this.token = token;
  }

  /**
   * The table of an architecture ({@link SeccompArch#NATIVE} means this machine's).
   *
   * @throws NativeLibraryException when libseccomp is missing or too old
   * @throws SeccompCompileException when libseccomp does not know the architecture
   */
  public static SyscallTable of(SeccompArch arch) {
    Objects.requireNonNull(arch, "arch");
    Libseccomp lib = Libseccomp.get();
    if (arch == SeccompArch.NATIVE) {
      int token = lib.nativeArch();
      SeccompArch concrete = Arches.fromToken(token);
      return new SyscallTable(lib, concrete == null ? SeccompArch.NATIVE : concrete, token);
    }
    int token = lib.resolveArch(Arches.libseccompName(arch));
    if (token == 0) {
      throw new SeccompCompileException(null, List.of(),
          "libseccomp " + lib.version() + " does not know architecture " + arch.wireName());
    }
    return new SyscallTable(lib, arch, token);
  }

  /** The table of this machine's architecture. */
  public static SyscallTable nativeTable() {
    return of(SeccompArch.NATIVE);
  }

  /** The architecture ({@link SeccompArch#NATIVE} resolved to the concrete one when known). */
  public SeccompArch architecture() {
    return arch;
  }

  /** The libseccomp architecture token ({@code AUDIT_ARCH_*} for all but x32). */
  public int token() {
    return token;
  }

  /** The number of a syscall on this architecture; empty when unknown or absent on this architecture. */
  public OptionalInt number(String name) {
    int nr = lib.resolveSyscall(token, name);
    // -1 is "unknown"; other negatives are libseccomp pseudo numbers for syscalls other arches have.
    return nr < 0 ? OptionalInt.empty() : OptionalInt.of(nr);
  }

  /** The name of a syscall number on this architecture; empty when there is none. */
  public Optional<String> name(int nr) {
    return Optional.ofNullable(lib.syscallName(token, nr));
  }

  @Override
  public String toString() {
    return "SyscallTable[" + arch.wireName() + ", libseccomp " + lib.version() + "]";
  }
}
