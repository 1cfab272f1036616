package dev.spo.core.seccomp;

import dev.spo.core.ProfileState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of a SeccompProfile: every field of SPO's CRD, plus {@code defaultErrnoRet} which
 * only the OCI runtime spec has (the CRD writer leaves it out).
 *
 * <p>{@code flags} keeps "absent" (null) apart from "empty" ({@code []}), because runtimes treat
 * them differently. All lists are immutable and never null otherwise.
 *
 * @param state Enabled or Disabled; null when the document does not say (the CRD default is Enabled)
 * @param baseProfileName local profile name or {@code oci://} reference of the base profile
 * @param defaultAction action for syscalls no rule matches; required by validation
 * @param defaultErrnoRet errno for an ERRNO/TRACE default action (runtime-spec only)
 * @param architectures architectures the filter covers
 * @param listenerPath unix socket of a seccomp notify agent
 * @param listenerMetadata opaque data passed to the agent
 * @param syscalls the rules in document order
 * @param flags filter flags; null when absent
 */
public record SeccompSpec(
    @Nullable ProfileState state,
    @Nullable String baseProfileName,
    @Nullable SeccompAction defaultAction,
    @Nullable Integer defaultErrnoRet,
    List<SeccompArch> architectures,
    @Nullable String listenerPath,
    @Nullable String listenerMetadata,
    List<Syscall> syscalls,
    @Nullable List<SeccompFlag> flags) {

  public SeccompSpec {
    architectures = List.copyOf(architectures);
    syscalls = List.copyOf(syscalls);
    flags = flags == null ? null : List.copyOf(flags);
  }

  /** Whether the profile is enabled (absent state means enabled). */
  public boolean enabled() {
    return state != ProfileState.DISABLED;
  }

  /** A copy with other syscall rules. */
  public SeccompSpec withSyscalls(List<Syscall> newSyscalls) {
    return toBuilder().syscalls(newSyscalls).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.state = state;
    b.baseProfileName = baseProfileName;
    b.defaultAction = defaultAction;
    b.defaultErrnoRet = defaultErrnoRet;
    b.architectures = new ArrayList<>(architectures);
    b.listenerPath = listenerPath;
    b.listenerMetadata = listenerMetadata;
    b.syscalls = new ArrayList<>(syscalls);
    b.flags = flags == null ? null : new ArrayList<>(flags);
    return b;
  }

  /** Builder for {@link SeccompSpec}. */
  public static final class Builder {
    private @Nullable ProfileState state;
    private @Nullable String baseProfileName;
    private @Nullable SeccompAction defaultAction;
    private @Nullable Integer defaultErrnoRet;
    private List<SeccompArch> architectures = new ArrayList<>();
    private @Nullable String listenerPath;
    private @Nullable String listenerMetadata;
    private List<Syscall> syscalls = new ArrayList<>();
    private @Nullable List<SeccompFlag> flags;

    private Builder() {}

    public Builder state(@Nullable ProfileState value) {
      this.state = value;
      return this;
    }

    public Builder baseProfileName(@Nullable String value) {
      this.baseProfileName = value;
      return this;
    }

    public Builder defaultAction(@Nullable SeccompAction value) {
      this.defaultAction = value;
      return this;
    }

    public Builder defaultErrnoRet(@Nullable Integer value) {
      this.defaultErrnoRet = value;
      return this;
    }

    public Builder architectures(List<SeccompArch> value) {
      this.architectures = new ArrayList<>(value);
      return this;
    }

    public Builder architectures(SeccompArch... value) {
      return architectures(List.of(value));
    }

    public Builder listenerPath(@Nullable String value) {
      this.listenerPath = value;
      return this;
    }

    public Builder listenerMetadata(@Nullable String value) {
      this.listenerMetadata = value;
      return this;
    }

    public Builder syscalls(List<Syscall> value) {
      this.syscalls = new ArrayList<>(value);
      return this;
    }

    public Builder addSyscall(Syscall value) {
      this.syscalls.add(value);
      return this;
    }

    /** Sets the flags; null means "absent", which differs from an empty list. */
    public Builder flags(@Nullable List<SeccompFlag> value) {
      this.flags = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public SeccompSpec build() {
      return new SeccompSpec(
          state,
          baseProfileName,
          defaultAction,
          defaultErrnoRet,
          architectures,
          listenerPath,
          listenerMetadata,
          syscalls,
          flags);
    }
  }
}
