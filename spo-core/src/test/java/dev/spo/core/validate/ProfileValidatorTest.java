package dev.spo.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {
  private static SeccompProfile profile(SeccompSpec spec) {
    return SeccompProfile.of("p", spec);
  }

  private static SeccompSpec.Builder base() {
    return SeccompSpec.builder().defaultAction(SeccompAction.ERRNO);
  }

  @Test
  void aGoodProfileHasNoViolations() {
    ValidationResult r = ProfileValidator.defaults().validate(profile(base()
        .architectures(SeccompArch.X86_64, SeccompArch.X86)
        .listenerPath("/var/run/security-profiles-operator/agent.sock")
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write"))
        .addSyscall(new Syscall(List.of("personality"), SeccompAction.ALLOW, null, List.of(SyscallArg.of(0, ArgOperator.EQ, 8))))
        .addSyscall(new Syscall(List.of("ptrace"), SeccompAction.ERRNO, 1, List.of()))
        .build()));
    assertThat(r.violations()).isEmpty();
    assertThat(r.valid()).isTrue();
    assertThat(r.orThrow()).isSameAs(r);
  }

  @Test
  void crdRulesAreReportedWithPointersAllAtOnce() {
    SeccompSpec spec = SeccompSpec.builder()
        .architectures(SeccompArch.X86_64, SeccompArch.X86_64)
        .listenerPath("/tmp/agent.sock")
        .addSyscall(Syscall.of(SeccompAction.ALLOW, List.of()))
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "", "read"))
        .addSyscall(new Syscall(List.of("x"), SeccompAction.ERRNO, -1, List.of()))
        .addSyscall(new Syscall(List.of("y"), SeccompAction.ALLOW, null, List.of(
            SyscallArg.of(6, ArgOperator.EQ, 1), SyscallArg.of(0, ArgOperator.EQ, -1),
            new SyscallArg(1, 0, Long.MIN_VALUE, ArgOperator.MASKED_EQ), SyscallArg.of(2, ArgOperator.EQ, 1),
            SyscallArg.of(3, ArgOperator.EQ, 1), SyscallArg.of(4, ArgOperator.EQ, 1), SyscallArg.of(5, ArgOperator.EQ, 1))))
        .flags(List.of(SeccompFlag.LOG, SeccompFlag.LOG))
        .build();
    ValidationResult r = ProfileValidator.defaults().validate(new SeccompProfile(dev.spo.core.ObjectMeta.named(""), spec, null));
    assertThat(r.errors()).extracting(Violation::pointer).containsExactlyInAnyOrder(
        "/metadata/name",
        "/spec/defaultAction",
        "/spec/listenerPath",
        "/spec/architectures/1",
        "/spec/flags/1",
        "/spec/syscalls/0/names",
        "/spec/syscalls/1/names/1",
        "/spec/syscalls/1/names/2",
        "/spec/syscalls/2/errnoRet",
        "/spec/syscalls/3/args",
        "/spec/syscalls/3/args/0/index",
        "/spec/syscalls/3/args/1/value",
        "/spec/syscalls/3/args/2/valueTwo");
    assertThatThrownBy(r::orThrow)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("/spec/listenerPath")
        .hasMessageContaining("18446744073709551615")
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(r.violations().size()));
  }

  @Test
  void errnoRetOnAnActionWithoutOneDependsOnStrictness() {
    SeccompProfile p = profile(base().addSyscall(new Syscall(List.of("read"), SeccompAction.ALLOW, 5, List.of())).build());
    ValidationResult runc = ProfileValidator.defaults().validate(p);
    assertThat(runc.valid()).isTrue();
    assertThat(runc.warnings()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/spec/syscalls/0/errnoRet");
      assertThat(v.message()).contains("runc ignores it");
    });
    ValidationResult crun = ProfileValidator.builder().errnoRetStrictness(ErrnoRetStrictness.CRUN).build().validate(p);
    assertThat(crun.valid()).isFalse();
    assertThat(crun.errors()).singleElement().satisfies(v -> assertThat(v.message()).contains("crun rejects it"));
  }

  @Test
  void conflictingDuplicatesAndMixedEndiannessAreErrors() {
    ValidationResult r = ProfileValidator.defaults().validate(profile(base()
        .architectures(SeccompArch.X86_64, SeccompArch.S390X)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write"))
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read"))
        .addSyscall(Syscall.of(SeccompAction.KILL_PROCESS, "write"))
        .build()));
    assertThat(r.errors()).extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/spec/architectures/1", "/spec/syscalls/2/names/0");
    assertThat(r.errors().get(0).message() + r.errors().get(1).message())
        .contains("big-endian")
        .contains("SCMP_ACT_KILL_PROCESS here but SCMP_ACT_ALLOW in /spec/syscalls/0");
  }

  @Test
  void allowListFollowsSpoRules() {
    ProfileValidator v = ProfileValidator.builder().allowList(AllowList.of(Set.of("read", "write"))).build();
    SeccompProfile ok = profile(base()
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read"))
        .addSyscall(Syscall.of(SeccompAction.ERRNO, "ptrace"))
        .build());
    assertThat(v.validate(ok).valid()).isTrue();
    SeccompProfile bad = profile(SeccompSpec.builder().defaultAction(SeccompAction.LOG)
        .addSyscall(Syscall.of(SeccompAction.NOTIFY, "read", "mount"))
        .build());
    assertThat(v.validate(bad).errors()).extracting(Violation::message)
        .containsExactly("seccomp profile not allowed: default action SCMP_ACT_LOG would allow syscalls outside the allow list",
            "syscall not allowed: mount");
    assertThatThrownBy(() -> new AllowList(Set.of("read"), Set.of(SeccompAction.KILL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCMP_ACT_KILL");
  }

  @Test
  void validatesWhatTheCodecReadsIncludingOutOfRangeCrdValues() {
    SeccompProfile p = ProfileCodec.defaults().read(
        "kind: SeccompProfile\nmetadata: {name: neg}\nspec:\n  defaultAction: SCMP_ACT_ERRNO\n  syscalls:\n  - names: [a]\n    action: SCMP_ACT_ALLOW\n    args: [{index: 0, value: -5, op: SCMP_CMP_EQ}]\n",
        SeccompProfile.class);
    assertThat(ProfileValidator.defaults().validate(p).errors()).singleElement()
        .satisfies(x -> assertThat(x.pointer()).isEqualTo("/spec/syscalls/0/args/0/value"));
  }
}
