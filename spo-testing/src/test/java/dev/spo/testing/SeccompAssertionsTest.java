package dev.spo.testing;

import static dev.spo.testing.SeccompAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.compose.InMemoryProfileStore;
import dev.spo.core.compose.ProfileComposer;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.SeccompCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SeccompAssertionsTest {
  private static SeccompSpec moby;

  /** Small profile: default ERRNO(1); read/write allowed, ptrace killed, personality(8) allowed. */
  private static final SeccompProfile SMALL = SeccompProfile.of("small", SeccompSpec.builder()
      .defaultAction(SeccompAction.ERRNO)
      .architectures(SeccompArch.X86_64, SeccompArch.AARCH64)
      .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write"))
      .addSyscall(Syscall.of(SeccompAction.KILL_PROCESS, "ptrace"))
      .addSyscall(new Syscall(List.of("clone3"), SeccompAction.ERRNO, 38, List.of()))
      .addSyscall(Syscall.of(SeccompAction.LOG, "getpid"))
      .addSyscall(Syscall.of(SeccompAction.TRAP, "uname"))
      .addSyscall(Syscall.of(SeccompAction.NOTIFY, "mkdir", "mkdirat"))
      .addSyscall(Syscall.of(SeccompAction.ALLOW, "personality")
          .withArgs(List.of(SyscallArg.of(0, ArgOperator.EQ, 8))))
      .build());

  @BeforeAll
  static void loadMoby() throws IOException {
    try (InputStream in = SeccompAssertionsTest.class.getResourceAsStream("moby-default-flat-amd64.json")) {
      moby = ProfileCodec.defaults().readRuntimeSeccomp(Objects.requireNonNull(in).readAllBytes(), "moby");
    }
  }

  @Test
  void smallProfilePassingChecks() {
    assertThat(SMALL)
        .onArch(SeccompArch.X86_64)
        .allows("read")
        .allows("write")
        .denies("ptrace")
        .kills("ptrace")
        .returnsErrno("clone3", 38)
        .returnsErrno("mount", 1)
        .denies("mount")
        .logs("getpid")
        .traps("uname")
        .notifies("mkdirat")
        .deniesWithArgs("personality", 0)
        .allowsWithArgs("personality", 8)
        .returnsErrno("personality", 1)
        .withArg(0, 9);
  }

  @Test
  void compileOptionsApplyToLaterChecks() {
    assertThat(SMALL)
        .onArch(SeccompArch.X86_64)
        .usingCompileOptions(CompileOptions.builder().enosysStub(true).build())
        .allows("read")
        .returnsErrno("mount", 1)
        .usingCompileOptions(CompileOptions.crun())
        .kills("ptrace")
        .returnsErrno("clone3", 38);
  }

  @Test
  void otherArchitecturesUseTheirOwnNumbers() {
    // aarch64 has no mkdir (only mkdirat) and numbers read 63, not 0.
    assertThat(SMALL).onArch(SeccompArch.AARCH64).allows("read").notifies("mkdirat").kills("ptrace");
    // Big-endian: seccomp_data and the program words are laid out the other way round.
    assertThat(SMALL).onArch(SeccompArch.S390X).allows("read").kills("ptrace").returnsErrno("mount", 1)
        .allowsWithArgs("personality", 8).returnsErrnoWithArgs("personality", 1, 0x800000008L);
  }

  @Test
  void withArgRechecksThePreviousExpectationWithTheArgumentSet() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(SMALL).onArch(SeccompArch.X86_64).returnsErrno("personality", 1).withArg(0, 8));
    assertThat(e.getMessage())
        .contains("Expecting syscall personality (nr 135 on SCMP_ARCH_X86_64, args [8, 0, 0, 0, 0, 0])")
        .contains("to be: ERRNO(1)")
        .contains("but was: ALLOW")
        .contains("=> {names: [personality], action: SCMP_ACT_ALLOW, args: [{index: 0, value: 8, op: SCMP_CMP_EQ}]}");
  }

  @Test
  void failureShowsVerdictsRulesAndPath() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(SMALL).onArch(SeccompArch.X86_64).allows("ptrace"));
    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("ALLOW");
    assertThat(e.getActual().getStringRepresentation()).isEqualTo("KILL_PROCESS");
    assertThat(e.getMessage())
        .contains("Expecting syscall ptrace (nr 101 on SCMP_ARCH_X86_64, args [0, 0, 0, 0, 0, 0])")
        .contains("of profile \"small\"")
        .contains("to be: ALLOW")
        .contains("but was: KILL_PROCESS")
        .contains("Default action: SCMP_ACT_ERRNO")
        .contains("=> {names: [ptrace], action: SCMP_ACT_KILL_PROCESS}")
        .containsPattern("Instruction path: \\d+ of \\d+ instructions executed \\(libseccomp \\d+\\.\\d+\\.\\d+, linear layout, "
            + "filter for SCMP_ARCH_X86_64\\)")
        .containsPattern("\\n\\s+0  ld arch\\n")
        .containsPattern("\\n\\s+\\d+  ret KILL_PROCESS\\n");
  }

  @Test
  void failureForTheDefaultActionSaysSo() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(SMALL).onArch(SeccompArch.X86_64).allows("mount"));
    assertThat(e.getMessage())
        .contains("but was: ERRNO(1)")
        .contains("No rule names mount: the default action decides.")
        .containsPattern("ret ERRNO\\(1\\)\\n$");
  }

  @Test
  void descriptionIsKept() {
    assertThatThrownBy(() -> assertThat(SMALL).as("web server profile").onArch(SeccompArch.X86_64).logs("read"))
        .hasMessageStartingWith("[web server profile] ");
  }

  @Test
  void unknownSyscallNamesFail() {
    assertThatThrownBy(() -> assertThat(SMALL).onArch(SeccompArch.X86_64).denies("no_such_syscall"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Syscall \"no_such_syscall\" is not in libseccomp's syscall table for SCMP_ARCH_X86_64 (libseccomp 2.")
        .hasMessageContaining("Subject: profile \"small\"");
    // Known to libseccomp, but not on this architecture.
    assertThatThrownBy(() -> assertThat(SMALL).onArch(SeccompArch.AARCH64).denies("mkdir"))
        .hasMessageContaining("Syscall \"mkdir\" is not in libseccomp's syscall table for SCMP_ARCH_AARCH64");
  }

  @Test
  void withArgNeedsAPreviousCheck() {
    assertThatThrownBy(() -> assertThat(SMALL).withArg(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a syscall check before it");
    assertThatThrownBy(() -> assertThat(SMALL).allows("read").withArg(6, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullActualFails() {
    assertThatThrownBy(() -> assertThat((SeccompProfile) null).allows("read"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void ignoredSyscallNames() {
    assertThat(SMALL).onArch(SeccompArch.X86_64).hasNoIgnoredSyscalls();
    SeccompProfile typo = SeccompProfile.of("typo", SeccompSpec.builder()
        .defaultAction(SeccompAction.ERRNO)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "raed", "wirte"))
        .build());
    assertThatThrownBy(() -> assertThat(typo).onArch(SeccompArch.X86_64).hasNoIgnoredSyscalls())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting profile \"typo\" to name only syscalls libseccomp 2.")
        .hasMessageContaining("but the filter for SCMP_ARCH_X86_64 leaves out 2: raed, wirte");
    // The check is on the compiled filter too.
    CompiledFilter f = SeccompCompiler.create().compile(typo, CompileOptions.defaults());
    assertThatThrownBy(() -> assertThat(f).hasNoIgnoredSyscalls()).hasMessageContaining("raed, wirte");
  }

  @Test
  void mobyDefaultOnX86_64() {
    assertThat(moby)
        .onArch(SeccompArch.X86_64)
        .allows("read")
        .allows("getpid")
        .allows("ptrace") // kernel >= 4.8 flattening
        .returnsErrno("mount", 1)
        .returnsErrno("kexec_load", 1)
        .returnsErrno("clone3", 38)
        .returnsErrnoWithArgs("socket", 1, 38) // AF_ALG
        .allowsWithArgs("socket", 2) // AF_INET
        .withArg(0, 10) // AF_INET6
        .allows("personality")
        .withArg(0, 0xffffffffL)
        .returnsErrnoWithArgs("personality", 1, 0x1234);
  }

  @Test
  void mobyDefaultOnX86AndX32() {
    assertThat(moby).onArch(SeccompArch.X86).allows("read").allows("socketcall").returnsErrno("mount", 1);
    assertThat(moby).onArch(SeccompArch.X32).allows("read").returnsErrno("mount", 1);
  }

  @Test
  void mobyFailureShowsTheArgumentRulesAndAShortenedPath() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> assertThat(moby)
        .onArch(SeccompArch.X86_64)
        .usingCompileOptions(CompileOptions.builder().optimization(CompileOptions.Optimization.LINEAR).build())
        .allowsWithArgs("socket", 38));
    assertThat(e.getMessage())
        .contains("of a seccomp spec")
        .contains("but was: ERRNO(1)")
        .contains("Default action: SCMP_ACT_ERRNO (defaultErrnoRet 1)")
        .contains("     {names: [socket], action: SCMP_ACT_ALLOW, args: [{index: 0, value: 38, op: SCMP_CMP_LT}]}")
        .contains("     {names: [socket], action: SCMP_ACT_ALLOW, args: [{index: 0, value: 40, op: SCMP_CMP_GT}]}")
        .contains("None of their conditions hold: the default action decides.")
        .contains("linear layout")
        .containsPattern("\\.\\.\\. \\d+ more \\.\\.\\.")
        .containsPattern("ld a0\\.lo");
  }

  @Test
  void bigRulesShowTheAssertedNameOnly() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(moby).onArch(SeccompArch.X86_64).denies("read"));
    assertThat(e.getMessage()).containsPattern("=> \\{names: \\[read, … \\+\\d+ more\\], action: SCMP_ACT_ALLOW\\}");
  }

  @Test
  void compiledFilterIsEvaluatedAsItIs() {
    CompiledFilter f = SeccompCompiler.create().compile(moby, CompileOptions.defaults());
    assertThat(f).allows("read").returnsErrno("mount", 1).onArch(SeccompArch.X86).allows("read");
    // Not covered by the filter: the bad-arch action (KILL_THREAD) decides.
    assertThat(f).onArch(SeccompArch.AARCH64).kills("read");
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> assertThat(f).denies("read"));
    assertThat(e.getMessage())
        .contains("of compiled filter CompiledFilter[")
        .contains("Rules: not available (a compiled filter has no profile rules)");
    assertThatThrownBy(() -> assertThat(f).usingCompileOptions(CompileOptions.crun()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void composedProfile() {
    SeccompProfile base = SeccompProfile.of("base", SeccompSpec.builder()
        .defaultAction(SeccompAction.ERRNO)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write"))
        .build());
    SeccompProfile app = SeccompProfile.of("app", SeccompSpec.builder()
        .defaultAction(SeccompAction.ERRNO)
        .baseProfileName("base")
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "openat"))
        .build());
    InMemoryProfileStore store = InMemoryProfileStore.of(base);
    ComposedProfile composed = ProfileComposer.builder().resolver(store).build().compose(app);
    assertThat(composed).allows("read").allows("openat").returnsErrno("mount", 1);
    assertThatThrownBy(() -> assertThat(composed).denies("read"))
        .hasMessageContaining("of composed profile \"app\" (UNION over 1 base)");
  }
}
