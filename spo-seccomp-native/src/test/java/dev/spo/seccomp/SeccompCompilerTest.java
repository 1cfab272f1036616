package dev.spo.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.SpoException;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.seccomp.bpf.BpfProgram;
import dev.spo.seccomp.bpf.FilterAction;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class SeccompCompilerTest {
  static final int X86_64 = 0xc000003e;
  static final int X86 = 0x40000003;
  static final int AARCH64 = 0xc00000b7;
  static final int ARM = 0x40000028;
  static final SeccompCompiler COMPILER = SeccompCompiler.create();

  /** The filter of kernel-enforcement-test.md §2. */
  static SeccompSpec smallProfile() {
    return SeccompSpec.builder()
        .defaultAction(SeccompAction.ALLOW)
        .addSyscall(Syscall.of(SeccompAction.ERRNO, "uname"))
        .addSyscall(rule(SeccompAction.ERRNO, null, List.of(SyscallArg.of(0, ArgOperator.EQ, 0x1234)), "personality"))
        .addSyscall(rule(SeccompAction.ERRNO, 38, List.of(), "getppid"))
        .build();
  }

  static Syscall rule(SeccompAction action, Integer errnoRet, List<SyscallArg> args, String... names) {
    return new Syscall(List.of(names), action, errnoRet, args);
  }

  static SeccompSpec.Builder denyByDefault() {
    return SeccompSpec.builder().defaultAction(SeccompAction.ERRNO).defaultErrnoRet(1);
  }

  @Test
  void smallProfileIsByteIdenticalToTheCBuildAndMatchesGoldenPfc() throws Exception {
    CompiledFilter f = COMPILER.compile(smallProfile());
    assertThat(f.length()).isEqualTo(16);
    assertThat(f.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.bytes())))
        .isEqualTo("b21a6a80b95ebd322957c02b894252fef2a9b4d91e1a58b50a3d7b467c465c37");
    String golden = new String(OracleTest.resource("small-profile.pfc"), StandardCharsets.UTF_8);
    assertThat(f.pfc()).isEqualTo(golden);
    assertThat(f.libseccompVersion().atLeast(new LibseccompVersion(2, 5, 0))).isTrue();
    assertThat(f.architectures()).containsExactly(SeccompArch.X86_64);
    assertThat(Base64.getDecoder().decode(f.base64())).isEqualTo(f.bytes());
    assertThat(BpfProgram.parse(f.bytes(), ByteOrder.LITTLE_ENDIAN)).isEqualTo(f.program());
    assertThat(f.program().evaluate(X86_64, 110).errno()).isEqualTo(38);
    assertThat(f.optimization()).isEqualTo(CompileOptions.Optimization.LINEAR);
  }

  @Test
  void errnoAndTraceDefaultToEperm() {
    SeccompSpec spec = SeccompSpec.builder().defaultAction(SeccompAction.TRACE)
        .addSyscall(Syscall.of(SeccompAction.ERRNO, "getpid"))
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read"))
        .build();
    BpfProgram p = COMPILER.compile(spec).program();
    assertThat(p.evaluate(X86_64, 39).returnValue()).isEqualTo(0x00050001);
    assertThat(p.evaluate(X86_64, 1000).returnValue()).isEqualTo(0x7ff00001);
    assertThat(p.evaluate(X86_64, 0).action()).isEqualTo(FilterAction.ALLOW);
  }

  @Test
  void runcIgnoresErrnoRetOnActionsWithoutOneCrunRejectsIt() {
    SeccompSpec spec = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, 5, List.of(), "getpid")).build();
    assertThat(COMPILER.compile(spec).program().evaluate(X86_64, 39).action()).isEqualTo(FilterAction.ALLOW);
    assertThatThrownBy(() -> COMPILER.compile(spec, CompileOptions.crun()))
        .isInstanceOfSatisfying(SeccompCompileException.class, e -> assertThat(e.syscalls()).containsExactly("getpid"))
        .hasMessageContaining("errnoRet").hasMessageContaining("SCMP_ACT_ALLOW");
    SeccompSpec badDefault = SeccompSpec.builder().defaultAction(SeccompAction.KILL_PROCESS).defaultErrnoRet(1).build();
    assertThat(COMPILER.compile(badDefault).program().evaluate(X86_64, 1).action())
        .isEqualTo(FilterAction.KILL_PROCESS);
    assertThatThrownBy(() -> COMPILER.compile(badDefault, CompileOptions.crun()))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("defaultErrnoRet");
  }

  @Test
  void rulesEqualToTheDefaultAreSkipped() {
    // KILL equals KILL_THREAD numerically; ERRNO(1) equals the default ERRNO(EPERM).
    SeccompSpec spec = SeccompSpec.builder().defaultAction(SeccompAction.KILL_THREAD)
        .addSyscall(Syscall.of(SeccompAction.KILL, "getpid"))
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read"))
        .build();
    CompiledFilter f = COMPILER.compile(spec);
    assertThat(f.program().evaluate(X86_64, 39).action()).isEqualTo(FilterAction.KILL_THREAD);
    SeccompSpec eperm = denyByDefault().addSyscall(rule(SeccompAction.ERRNO, 1, List.of(), "nosuchsyscall")).build();
    // Skipped before name resolution, so the unknown name is not even reported.
    assertThat(COMPILER.compile(eperm).ignoredSyscalls()).isEmpty();
  }

  @Test
  void repeatedArgumentIndexTurnsConditionsIntoOr() {
    // a0 == 1 and a0 == 2 cannot be one libseccomp rule: runc adds each condition as its own rule,
    // including the a1 condition, so any of them allows.
    SeccompSpec spec = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, null, List.of(
        SyscallArg.of(0, ArgOperator.EQ, 1), SyscallArg.of(0, ArgOperator.EQ, 2), SyscallArg.of(1, ArgOperator.EQ, 7)),
        "personality")).build();
    BpfProgram p = COMPILER.compile(spec).program();
    assertThat(p.evaluate(X86_64, 135, 1L, 0L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 135, 2L, 0L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 135, 9L, 7L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 135, 9L, 0L).action()).isEqualTo(FilterAction.ERRNO);

    // Distinct indexes: one rule, AND.
    SeccompSpec and = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, null, List.of(
        SyscallArg.of(0, ArgOperator.EQ, 1), SyscallArg.of(1, ArgOperator.GT, 7)), "personality")).build();
    BpfProgram q = COMPILER.compile(and).program();
    assertThat(q.evaluate(X86_64, 135, 1L, 8L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(q.evaluate(X86_64, 135, 1L, 7L).action()).isEqualTo(FilterAction.ERRNO);
    assertThat(q.evaluate(X86_64, 135, 2L, 8L).action()).isEqualTo(FilterAction.ERRNO);
  }

  @Test
  void maskedEqUsesValueAsMaskAndValueTwoAsDatum() {
    SeccompSpec spec = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, null,
        List.of(new SyscallArg(0, 0xff00L, 0x1200L, ArgOperator.MASKED_EQ)), "personality")).build();
    BpfProgram p = COMPILER.compile(spec).program();
    assertThat(p.evaluate(X86_64, 135, 0x12abL).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 135, 0x13abL).action()).isEqualTo(FilterAction.ERRNO);
  }

  @Test
  void comparesUnsigned64Bit() {
    SeccompSpec spec = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, null,
        List.of(SyscallArg.of(0, ArgOperator.GT, 0x7fffffffffffffffL)), "personality")).build();
    BpfProgram p = COMPILER.compile(spec).program();
    assertThat(p.evaluate(X86_64, 135, 0xffffffffffffffffL).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(X86_64, 135, 5L).action()).isEqualTo(FilterAction.ERRNO);
  }

  @Test
  void unknownSyscallsAreListedOrFail() {
    SeccompSpec spec = denyByDefault()
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "getpid", "no_such_call", "mseal_not_here"))
        .build();
    CompiledFilter f = COMPILER.compile(spec);
    assertThat(f.ignoredSyscalls()).containsExactly("no_such_call", "mseal_not_here");
    assertThat(f.program().evaluate(X86_64, 39).action()).isEqualTo(FilterAction.ALLOW);
    assertThatThrownBy(() -> COMPILER.compile(SeccompProfile.of("strict", spec),
            CompileOptions.builder().unknownSyscalls(CompileOptions.UnknownSyscalls.FAIL).build()))
        .isInstanceOfSatisfying(SeccompCompileException.class, e -> {
          assertThat(e.syscalls()).containsExactly("no_such_call", "mseal_not_here");
          assertThat(e.profile()).isEqualTo("strict");
        })
        .hasMessageContaining("no_such_call");
  }

  @Test
  void mixedEndiannessIsReportedClearly() {
    SeccompSpec spec = denyByDefault().architectures(SeccompArch.X86_64, SeccompArch.S390X)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "getpid")).build();
    assertThatThrownBy(() -> COMPILER.compile(SeccompProfile.of("mixed", spec), CompileOptions.defaults()))
        .isInstanceOfSatisfying(SeccompNativeException.class, e -> {
          assertThat(e.function()).isEqualTo("seccomp_arch_add");
          assertThat(e.errno()).isEqualTo(33);
          assertThat(e.architecture()).isEqualTo("SCMP_ARCH_S390X");
          assertThat(e.profile()).isEqualTo("mixed");
        })
        .hasMessageContaining("EDOM").hasMessageContaining("mixed endianness");
  }

  @Test
  void conflictingRulesNameTheSyscall() {
    SyscallArg cond = SyscallArg.of(0, ArgOperator.EQ, 1);
    SeccompSpec spec = denyByDefault()
        .addSyscall(rule(SeccompAction.ALLOW, null, List.of(cond), "personality"))
        .addSyscall(rule(SeccompAction.TRAP, null, List.of(cond), "personality"))
        .build();
    assertThatThrownBy(() -> COMPILER.compile(SeccompProfile.of("p", spec), CompileOptions.defaults()))
        .isInstanceOfSatisfying(SeccompNativeException.class, e -> {
          assertThat(e.function()).isEqualTo("seccomp_rule_add_array");
          assertThat(e.errno()).isEqualTo(17);
          assertThat(e.syscall()).isEqualTo("personality");
        })
        .hasMessageContaining("syscalls[1]");
  }

  @Test
  void badArgumentIndexAndMissingDefaultAreTyped() {
    SeccompSpec badIndex = denyByDefault()
        .addSyscall(rule(SeccompAction.ALLOW, null, List.of(SyscallArg.of(6, ArgOperator.EQ, 1)), "personality"))
        .build();
    assertThatThrownBy(() -> COMPILER.compile(badIndex))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("index 6");
    assertThatThrownBy(() -> COMPILER.compile(SeccompSpec.builder().build()))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("disables seccomp");
    assertThatThrownBy(() -> COMPILER.compile(SeccompSpec.builder()
            .addSyscall(Syscall.of(SeccompAction.ALLOW, "read")).build()))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("defaultAction is required");
    assertThatThrownBy(() -> COMPILER.compile(denyByDefault()
            .addSyscall(rule(SeccompAction.ERRNO, 70000, List.of(), "read")).build()))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("70000");
    // libseccomp itself refuses ERRNO data >= MAX_ERRNO.
    assertThatThrownBy(() -> COMPILER.compile(denyByDefault()
            .addSyscall(rule(SeccompAction.ERRNO, 5000, List.of(), "read")).build()))
        .isInstanceOfSatisfying(SeccompNativeException.class, e -> assertThat(e.errno()).isEqualTo(22));
  }

  @Test
  void unknownActionStringIsATypedParseError() {
    assertThatThrownBy(() -> ProfileCodec.defaults().readRuntimeSeccomp(
            "{\"defaultAction\":\"SCMP_ACT_NOPE\",\"syscalls\":[]}"))
        .isInstanceOf(SpoException.class).hasMessageContaining("SCMP_ACT_NOPE");
  }

  @Test
  void flagsFollowTheProfileAndNotifyAddsNewListener() {
    assertThat(COMPILER.compile(denyByDefault().build()).seccompFlags()).isEqualTo(CompiledFilter.FLAG_SPEC_ALLOW);
    SeccompSpec flagged = denyByDefault().flags(List.of(SeccompFlag.LOG, SeccompFlag.TSYNC)).build();
    assertThat(COMPILER.compile(flagged).seccompFlags()).isEqualTo(CompiledFilter.FLAG_LOG);
    assertThat(COMPILER.compile(flagged, CompileOptions.crun()).seccompFlags())
        .isEqualTo(CompiledFilter.FLAG_LOG | CompiledFilter.FLAG_TSYNC);
    assertThat(COMPILER.compile(denyByDefault().flags(List.of()).build()).seccompFlags()).isZero();
    SeccompSpec notify = denyByDefault().flags(List.of()).listenerPath("/run/agent.sock").listenerMetadata("m")
        .addSyscall(Syscall.of(SeccompAction.NOTIFY, "mkdir")).build();
    CompiledFilter f = COMPILER.compile(notify);
    assertThat(f.seccompFlags()).isEqualTo(CompiledFilter.FLAG_NEW_LISTENER);
    assertThat(f.listenerPath()).isEqualTo("/run/agent.sock");
    assertThat(f.listenerMetadata()).isEqualTo("m");
    assertThat(f.program().evaluate(X86_64, 83).action()).isEqualTo(FilterAction.USER_NOTIF);
    assertThatThrownBy(() -> COMPILER.compile(denyByDefault().flags(List.of(SeccompFlag.WAIT_KILLABLE_RECV)).build()))
        .isInstanceOf(SeccompCompileException.class);
    assertThatThrownBy(() -> COMPILER.compile(denyByDefault().addSyscall(Syscall.of(SeccompAction.NOTIFY, "write"))
            .build()))
        .isInstanceOf(SeccompCompileException.class).hasMessageContaining("write");
  }

  @Test
  void autoOptimizationFollowsRuncThresholdAndCrunStaysLinear() {
    List<String> names = List.of("read", "write", "open", "close", "stat", "fstat", "lstat", "poll", "lseek", "mmap",
        "mprotect", "munmap", "brk", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "ioctl", "pread64",
        "pwrite64", "readv", "writev", "access", "pipe", "select", "sched_yield", "mremap", "msync", "mincore",
        "madvise", "shmget", "shmat", "shmctl", "dup");
    SeccompSpec thirtyTwo = denyByDefault().addSyscall(Syscall.of(SeccompAction.ALLOW, names.subList(0, 32))).build();
    SeccompSpec thirtyThree = denyByDefault().addSyscall(Syscall.of(SeccompAction.ALLOW, names)).build();
    assertThat(COMPILER.compile(thirtyTwo).optimization()).isEqualTo(CompileOptions.Optimization.LINEAR);
    assertThat(COMPILER.compile(thirtyThree).optimization()).isEqualTo(CompileOptions.Optimization.BINARY_TREE);
    assertThat(COMPILER.compile(thirtyThree, CompileOptions.crun()).optimization())
        .isEqualTo(CompileOptions.Optimization.LINEAR);
  }

  @Test
  void badArchActionIsConfigurable() {
    CompiledFilter f = COMPILER.compile(smallProfile(),
        CompileOptions.builder().badArchAction(SeccompAction.ERRNO).build());
    assertThat(f.program().evaluate(AARCH64, 1).returnValue()).isEqualTo(0x00050001);
    assertThat(COMPILER.compile(smallProfile()).program().evaluate(AARCH64, 1).action())
        .isEqualTo(FilterAction.KILL_THREAD);
  }

  @Test
  void crossCompilesForAarch64AndArm() {
    SeccompSpec spec = denyByDefault().architectures(SeccompArch.X86_64)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "openat", "getpid", "open"))
        .build();
    CompiledFilter f = COMPILER.compile(spec,
        CompileOptions.builder().targetArchitectures(SeccompArch.AARCH64, SeccompArch.ARM).build());
    assertThat(f.architectures()).containsExactly(SeccompArch.AARCH64, SeccompArch.ARM);
    assertThat(f.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    SyscallTable aarch64 = SyscallTable.of(SeccompArch.AARCH64);
    SyscallTable arm = SyscallTable.of(SeccompArch.ARM);
    assertThat(aarch64.number("openat")).hasValue(56);
    assertThat(aarch64.number("open")).isEmpty();
    BpfProgram p = f.program();
    assertThat(p.evaluate(AARCH64, 56).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(AARCH64, aarch64.number("getpid").orElseThrow()).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(AARCH64, 57).action()).isEqualTo(FilterAction.ERRNO);
    assertThat(p.evaluate(ARM, arm.number("openat").orElseThrow()).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(ARM, arm.number("open").orElseThrow()).action()).isEqualTo(FilterAction.ALLOW);
    // The host's arch is not covered any more.
    assertThat(p.evaluate(X86_64, 257).action()).isEqualTo(FilterAction.KILL_THREAD);
    assertThat(f.pfc()).contains("aarch64").doesNotContain("x86_64");
  }

  @Test
  void crossCompilesBigEndianForS390x() {
    SeccompSpec spec = denyByDefault().addSyscall(rule(SeccompAction.ALLOW, null,
        List.of(SyscallArg.of(0, ArgOperator.EQ, 0x1_0000_0002L)), "personality")).build();
    CompiledFilter f = COMPILER.compile(spec,
        CompileOptions.builder().targetArchitectures(SeccompArch.S390X).build());
    assertThat(f.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(java.util.Arrays.copyOf(f.bytes(), 8)).containsExactly(0, 0x20, 0, 0, 0, 0, 0, 4);
    int nr = SyscallTable.of(SeccompArch.S390X).number("personality").orElseThrow();
    assertThat(f.program().evaluate(0x80000016, nr, 0x1_0000_0002L).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(f.program().evaluate(0x80000016, nr, 0x2L).action()).isEqualTo(FilterAction.ERRNO);
  }

  @Test
  void enosysStubReturnsEnosysAboveTheHighestKnownSyscall() throws Exception {
    SeccompSpec moby = ProfileCodec.defaults().readRuntimeSeccomp(
        new String(OracleTest.resource("moby-default-flat-amd64.json"), StandardCharsets.UTF_8));
    CompiledFilter plain = COMPILER.compile(moby);
    CompiledFilter f = COMPILER.compile(moby, CompileOptions.builder().enosysStub(true).build());
    assertThat(f.enosysStubLength()).isPositive();
    assertThat(f.length()).isEqualTo(plain.length() + f.enosysStubLength());
    BpfProgram p = f.program();
    SyscallTable x64 = SyscallTable.of(SeccompArch.X86_64);
    // mseal (462) is allow-listed but unknown to this libseccomp: above the max (456) ⇒ ENOSYS under runc.
    assertThat(p.evaluate(X86_64, 462).errno()).isEqualTo(38);
    assertThat(plain.program().evaluate(X86_64, 462).errno()).isEqualTo(1);
    assertThat(p.evaluate(X86_64, 999).errno()).isEqualTo(38);
    assertThat(p.evaluate(X86_64, x64.number("getpid").orElseThrow()).action()).isEqualTo(FilterAction.ALLOW);
    // A hole below the max keeps the default action.
    assertThat(p.evaluate(X86_64, x64.number("nfsservctl").orElseThrow()).errno()).isEqualTo(1);
    assertThat(p.evaluate(X86, 999).errno()).isEqualTo(38);
    assertThat(p.evaluate(X86, 20).action()).isEqualTo(FilterAction.ALLOW); // i386 getpid
    assertThat(p.evaluate(X86_64, 0x40000000 + 999).errno()).isEqualTo(38); // x32
    assertThat(p.evaluate(X86_64, 0x40000000 + 39).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(AARCH64, 1).action()).isEqualTo(FilterAction.KILL_THREAD);
    // Everything the stub does not decide behaves as without it.
    for (int nr = 0; nr < 457; nr++) {
      assertThat(p.evaluate(X86_64, nr, 0L, 0L).returnValue())
          .as("nr %d", nr).isEqualTo(plain.program().evaluate(X86_64, nr, 0L, 0L).returnValue());
    }
    assertThat(COMPILER.compile(smallProfile(), CompileOptions.builder().enosysStub(true).build())
        .enosysStubLength()).as("allow-by-default profiles get no stub").isZero();
  }

  @Test
  void enosysStubOnlyX86_64LeavesX32ToLibseccomp() {
    SeccompSpec spec = denyByDefault().addSyscall(Syscall.of(SeccompAction.ALLOW, "getpid", "openat")).build();
    BpfProgram p = COMPILER.compile(spec, CompileOptions.builder().enosysStub(true).build()).program();
    assertThat(p.evaluate(X86_64, 300).errno()).isEqualTo(38);
    assertThat(p.evaluate(X86_64, 100).errno()).isEqualTo(1);
    assertThat(p.evaluate(X86_64, 0x40000000 + 999).action()).isEqualTo(FilterAction.KILL_THREAD);
    assertThat(p.evaluate(X86_64, 39).action()).isEqualTo(FilterAction.ALLOW);
  }

  @Test
  void enosysStubWorksWhenCrossCompiling() {
    SeccompSpec spec = denyByDefault().addSyscall(Syscall.of(SeccompAction.ALLOW, "getpid", "openat")).build();
    CompileOptions s390x = CompileOptions.builder().targetArchitectures(SeccompArch.S390X).enosysStub(true).build();
    BpfProgram p = COMPILER.compile(spec, s390x).program();
    assertThat(p.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    int getpid = SyscallTable.of(SeccompArch.S390X).number("getpid").orElseThrow();
    assertThat(p.evaluate(0x80000016, 0).errno()).as("multiplexed setup(2)").isEqualTo(38);
    assertThat(p.evaluate(0x80000016, getpid).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(p.evaluate(0x80000016, 999).errno()).isEqualTo(38);
    CompileOptions arm64 = CompileOptions.builder().targetArchitectures(SeccompArch.AARCH64).enosysStub(true).build();
    BpfProgram q = COMPILER.compile(spec, arm64).program();
    assertThat(q.evaluate(AARCH64, 56).action()).isEqualTo(FilterAction.ALLOW);
    assertThat(q.evaluate(AARCH64, 500).errno()).isEqualTo(38);
    assertThat(q.evaluate(AARCH64, 1).errno()).isEqualTo(1);
    assertThat(q.evaluate(X86_64, 500).action()).isEqualTo(FilterAction.KILL_THREAD);
  }

  @Test
  void syscallTableMapsBothWays() {
    SyscallTable t = SyscallTable.nativeTable();
    assertThat(t.architecture()).isEqualTo(SeccompArch.X86_64);
    assertThat(t.number("getpid")).hasValue(39);
    assertThat(t.name(39)).hasValue("getpid");
    assertThat(t.number("no_such_call")).isEmpty();
    assertThat(t.number("socketcall")).isEmpty(); // exists on x86 only (pseudo number here)
    assertThat(SyscallTable.of(SeccompArch.X86).number("socketcall")).hasValue(102);
    assertThat(SyscallTable.of(SeccompArch.X32).number("getpid")).hasValue(0x40000000 + 39);
  }

  @Test
  void compilesConcurrentlyWithIdenticalResults() throws Exception {
    SeccompSpec moby = ProfileCodec.defaults().readRuntimeSeccomp(
        new String(OracleTest.resource("moby-default-flat-amd64.json"), StandardCharsets.UTF_8));
    byte[] expected = COMPILER.compile(moby).bytes();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> COMPILER.compile(moby).bytes()));
      }
      for (Future<byte[]> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingLibraryIsATypedExceptionNotALinkError() {
    SeccompCompiler missing = SeccompCompiler.create("libseccomp-does-not-exist.so.9");
    assertThatThrownBy(() -> missing.compile(smallProfile()))
        .isInstanceOfSatisfying(NativeLibraryException.class, e -> {
          assertThat(e.library()).isEqualTo("libseccomp-does-not-exist.so.9");
          assertThat(e.versionFound()).isNull();
        })
        .hasMessageContaining("apt-get install libseccomp2")
        .hasMessageContaining("version found: none");
    assertThatThrownBy(missing::libraryVersion).isInstanceOf(NativeLibraryException.class);
    // The default library still works afterwards.
    assertThat(COMPILER.libraryVersion().major()).isEqualTo(2);
  }
}
