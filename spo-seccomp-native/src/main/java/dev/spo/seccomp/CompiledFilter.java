package dev.spo.seccomp;

import dev.spo.core.seccomp.SeccompArch;
import dev.spo.seccomp.bpf.BpfProgram;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A seccomp filter compiled by {@link SeccompCompiler}: the BPF program ready for
 * {@code seccomp(SECCOMP_SET_MODE_FILTER, seccompFlags(), ...)}, plus what a loader and a reviewer
 * need next to it. Immutable.
 */
public final class CompiledFilter {
  /** {@code SECCOMP_FILTER_FLAG_TSYNC}. */
  public static final int FLAG_TSYNC = 1;
  /** {@code SECCOMP_FILTER_FLAG_LOG}. */
  public static final int FLAG_LOG = 2;
  /** {@code SECCOMP_FILTER_FLAG_SPEC_ALLOW}. */
  public static final int FLAG_SPEC_ALLOW = 4;
  /** {@code SECCOMP_FILTER_FLAG_NEW_LISTENER}. */
  public static final int FLAG_NEW_LISTENER = 8;
  /** {@code SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV}. */
  public static final int FLAG_WAIT_KILLABLE_RECV = 32;

  private final BpfProgram program;
  private final List<SeccompArch> architectures;
  private final int seccompFlags;
  private final @Nullable String listenerPath;
  private final @Nullable String listenerMetadata;
  private final List<String> ignoredSyscalls;
  private final LibseccompVersion libseccompVersion;
  private final @Nullable String pfc;
  private final CompileOptions.Optimization optimization;
  private final int stubLength;
  private final int ruleCount;

  CompiledFilter(
      BpfProgram program,
      List<SeccompArch> architectures,
      int seccompFlags,
      @Nullable String listenerPath,
      @Nullable String listenerMetadata,
      List<String> ignoredSyscalls,
      LibseccompVersion libseccompVersion,
      @Nullable String pfc,
      CompileOptions.Optimization optimization,
      int stubLength,
      int ruleCount) {
    this.program = program;
    this.architectures = List.copyOf(architectures);
    this.seccompFlags = seccompFlags;
    this.listenerPath = listenerPath;
    this.listenerMetadata = listenerMetadata;
    this.ignoredSyscalls = List.copyOf(ignoredSyscalls);
    this.libseccompVersion = libseccompVersion;
    this.pfc = pfc;
    this.optimization = optimization;
    this.stubLength = stubLength;
    this.ruleCount = ruleCount;
  }

  /** The validated program (ENOSYS stub included when requested). */
  public BpfProgram program() {
    return program;
  }

  /** {@code struct sock_filter[]} in the target's byte order, as the kernel takes it. */
  public byte[] bytes() {
    return program.toBytes();
  }

  /** Number of instructions ({@code sock_fprog.len}). */
  public int length() {
    return program.length();
  }

  /** Byte order of the target architecture(s). */
  public ByteOrder byteOrder() {
    return program.byteOrder();
  }

  /** Architectures the filter covers, native one first when present. */
  public List<SeccompArch> architectures() {
    return architectures;
  }

  /**
   * The flags to pass to {@code seccomp(SECCOMP_SET_MODE_FILTER, flags, prog)}: the profile's
   * {@code flags} (SPEC_ALLOW when the field is absent, as runc and crun do; TSYNC only in crun
   * mode, runc never passes it) plus NEW_LISTENER when a rule uses NOTIFY. See the {@code FLAG_*}
   * constants.
   */
  public int seccompFlags() {
    return seccompFlags;
  }

  /** The profile's notify agent socket, if any. */
  public @Nullable String listenerPath() {
    return listenerPath;
  }

  /** The profile's opaque data for the notify agent, if any. */
  public @Nullable String listenerMetadata() {
    return listenerMetadata;
  }

  /** Syscall names libseccomp did not know and that were therefore left out, in profile order. */
  public List<String> ignoredSyscalls() {
    return ignoredSyscalls;
  }

  /** The libseccomp version that produced the program (its syscall table shapes the output). */
  public LibseccompVersion libseccompVersion() {
    return libseccompVersion;
  }

  /** libseccomp's PFC listing of the filter (without the ENOSYS stub), or null when not exported. */
  public @Nullable String pfc() {
    return pfc;
  }

  /** The layout libseccomp was asked for ({@link CompileOptions.Optimization#AUTO} resolved). */
  public CompileOptions.Optimization optimization() {
    return optimization;
  }

  /** Instructions of the runc ENOSYS stub at the start of the program; 0 without stub. */
  public int enosysStubLength() {
    return stubLength;
  }

  /** Number of (rule, name) pairs in the profile, the count runc's 32-rule threshold uses. */
  public int ruleCount() {
    return ruleCount;
  }

  /** The program in base64, the value of crun's {@code run.oci.seccomp_bpf_data} annotation. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes());
  }

  @Override
  public String toString() {
    return "CompiledFilter[" + length() + " instructions, arches " + architectures + ", flags " + seccompFlags
        + ", libseccomp " + libseccompVersion + "]";
  }
}
