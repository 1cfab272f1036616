package dev.spo.seccomp;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link SeccompCompiler} translates a profile. The defaults reproduce runc: binary tree above
 * 32 rules, unknown syscalls ignored (and listed), no ENOSYS stub, the architectures of the profile
 * plus the native one, and KILL_THREAD for foreign architectures.
 *
 * @param optimization libseccomp's {@code SCMP_FLTATR_CTL_OPTIMIZE} choice
 * @param compatibility whose translation rules to follow
 * @param unknownSyscalls what to do with syscall names libseccomp does not know
 * @param targetArchitectures when not empty, the filter covers exactly these architectures (the
 *     profile's list is ignored and the native one is removed unless listed), which compiles for
 *     another machine, e.g. {@code AARCH64, ARM} on an x86_64 host
 * @param enosysStub prepend runc's stub that returns ENOSYS for syscalls newer than any the profile names
 * @param badArchAction action for an architecture the filter does not cover ({@code SCMP_FLTATR_ACT_BADARCH});
 *     ERRNO and TRACE use data 1 (EPERM)
 * @param exportPfc also export libseccomp's PFC listing into {@link CompiledFilter#pfc()}
 */
public record CompileOptions(
    Optimization optimization,
    Compatibility compatibility,
    UnknownSyscalls unknownSyscalls,
    List<SeccompArch> targetArchitectures,
    boolean enosysStub,
    SeccompAction badArchAction,
    boolean exportPfc) {

  /** libseccomp's filter layout. */
  public enum Optimization {
    /** runc's rule: {@link #BINARY_TREE} when the profile expands to more than 32 (rule, name) pairs; crun: {@link #LINEAR}. */
    AUTO,
    /** OPTIMIZE=1: a priority-ordered chain of compares. */
    LINEAR,
    /** OPTIMIZE=2: a binary tree sorted by syscall number. */
    BINARY_TREE
  }

  /** Whose translation rules to follow where runc and crun differ. */
  public enum Compatibility {
    /** runc: errnoRet on actions without a return value is ignored; TSYNC is not passed to the kernel. */
    RUNC,
    /** crun: errnoRet on actions without a return value is an error; AUTO never optimizes; flags passed as given. */
    CRUN
  }

  /** Policy for syscall names libseccomp cannot resolve. */
  public enum UnknownSyscalls {
    /** Skip them and list them in {@link CompiledFilter#ignoredSyscalls()} (runc, crun default). */
    IGNORE,
    /** Fail the compilation (crun's {@code run.oci.seccomp_fail_unknown_syscall}). */
    FAIL
  }

  public CompileOptions {
    Objects.requireNonNull(optimization, "optimization");
    Objects.requireNonNull(compatibility, "compatibility");
    Objects.requireNonNull(unknownSyscalls, "unknownSyscalls");
    targetArchitectures = List.copyOf(targetArchitectures);
    Objects.requireNonNull(badArchAction, "badArchAction");
    if (badArchAction == SeccompAction.NOTIFY) {
      throw new IllegalArgumentException("NOTIFY cannot be the bad-architecture action");
    }
  }

  /** runc defaults. */
  public static CompileOptions defaults() {
    return builder().build();
  }

  /** crun parity: {@link Compatibility#CRUN}, linear layout. */
  public static CompileOptions crun() {
    return builder().compatibility(Compatibility.CRUN).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .optimization(optimization)
        .compatibility(compatibility)
        .unknownSyscalls(unknownSyscalls)
        .targetArchitectures(targetArchitectures)
        .enosysStub(enosysStub)
        .badArchAction(badArchAction)
        .exportPfc(exportPfc);
  }

  /** Builder for {@link CompileOptions}. */
  public static final class Builder {
    private Optimization optimization = Optimization.AUTO;
    private Compatibility compatibility = Compatibility.RUNC;
    private UnknownSyscalls unknownSyscalls = UnknownSyscalls.IGNORE;
    private List<SeccompArch> targetArchitectures = new ArrayList<>();
    private boolean enosysStub;
    private SeccompAction badArchAction = SeccompAction.KILL_THREAD;
    private boolean exportPfc = true;

    private Builder() {}

    public Builder optimization(Optimization value) {
      this.optimization = value;
      return this;
    }

    public Builder compatibility(Compatibility value) {
      this.compatibility = value;
      return this;
    }

    public Builder unknownSyscalls(UnknownSyscalls value) {
      this.unknownSyscalls = value;
      return this;
    }

    public Builder targetArchitectures(List<SeccompArch> value) {
      this.targetArchitectures = new ArrayList<>(value);
      return this;
    }

    public Builder targetArchitectures(SeccompArch... value) {
      return targetArchitectures(List.of(value));
    }

    public Builder enosysStub(boolean value) {
      this.enosysStub = value;
      return this;
    }

    public Builder badArchAction(SeccompAction value) {
      this.badArchAction = value;
      return this;
    }

    public Builder exportPfc(boolean value) {
      this.exportPfc = value;
      return this;
    }

    public CompileOptions build() {
      return new CompileOptions(
          optimization, compatibility, unknownSyscalls, targetArchitectures, enosysStub, badArchAction, exportPfc);
    }
  }
}
