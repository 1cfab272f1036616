package dev.spo.oci;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.util.ArrayList;
import java.util.List;

/** Small seccomp profiles for tests. */
final class TestProfiles {
  private TestProfiles() {}

  static SeccompProfile seccomp(String name, String... allowed) {
    return SeccompProfile.of(
        name,
        SeccompSpec.builder()
            .defaultAction(SeccompAction.ERRNO)
            .architectures(SeccompArch.X86_64)
            .addSyscall(Syscall.of(SeccompAction.ALLOW, allowed))
            .build());
  }

  /** A profile with {@code rules} ALLOW rules of one syscall each. */
  static SeccompProfile large(String name, int rules) {
    List<Syscall> syscalls = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      syscalls.add(Syscall.of(SeccompAction.ALLOW, "syscall_" + i));
    }
    return SeccompProfile.of(
        name,
        SeccompSpec.builder().defaultAction(SeccompAction.ERRNO).architectures(SeccompArch.X86_64).syscalls(syscalls).build());
  }

  static List<String> allowed(dev.spo.core.Profile p) {
    return ((SeccompProfile) p).spec().syscalls().get(0).names();
  }
}
