package dev.spo.apparmor;

import org.jspecify.annotations.Nullable;

/**
 * {@code spec.abstract}: the allow lists an AppArmor profile is generated from. A null section is
 * absent (renders no rules of its kind).
 *
 * @param executable executables and libraries
 * @param filesystem file paths
 * @param network network access
 * @param capability Linux capabilities
 * @param ptrace ptrace access
 */
public record AppArmorAbstract(
    @Nullable ExecutableRules executable,
    @Nullable FilesystemRules filesystem,
    @Nullable NetworkRules network,
    @Nullable CapabilityRules capability,
    @Nullable PtraceRules ptrace) {

  /** An abstract without any section: a deny-all profile. */
  public static final AppArmorAbstract EMPTY = new AppArmorAbstract(null, null, null, null, null);

  public AppArmorAbstract withExecutable(@Nullable ExecutableRules value) {
    return new AppArmorAbstract(value, filesystem, network, capability, ptrace);
  }

  public AppArmorAbstract withFilesystem(@Nullable FilesystemRules value) {
    return new AppArmorAbstract(executable, value, network, capability, ptrace);
  }

  public AppArmorAbstract withNetwork(@Nullable NetworkRules value) {
    return new AppArmorAbstract(executable, filesystem, value, capability, ptrace);
  }

  public AppArmorAbstract withCapability(@Nullable CapabilityRules value) {
    return new AppArmorAbstract(executable, filesystem, network, value, ptrace);
  }

  public AppArmorAbstract withPtrace(@Nullable PtraceRules value) {
    return new AppArmorAbstract(executable, filesystem, network, capability, value);
  }
}
