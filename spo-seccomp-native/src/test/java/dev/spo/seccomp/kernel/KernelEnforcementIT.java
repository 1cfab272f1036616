package dev.spo.seccomp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.SeccompCompiler;
import dev.spo.seccomp.bpf.BpfVerdict;
import dev.spo.seccomp.bpf.FilterAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs compiled filters in a child JVM with the real kernel and checks that every probe gets
 * exactly what the Java emulator predicts for the same program (see kernel-enforcement-test.md).
 */
@EnabledOnOs(OS.LINUX)
class KernelEnforcementIT {
  static final int X86_64 = 0xc000003e;
  static final SeccompCompiler COMPILER = SeccompCompiler.create();

  @TempDir Path tmp;

  record Probe(String label, long nr, long... args) {
    String argv() {
      StringBuilder sb = new StringBuilder(label).append(':').append(nr);
      for (long a : args) {
        sb.append(":0x").append(Long.toHexString(a));
      }
      return sb.toString();
    }
  }

  record Result(int exitCode, Map<String, long[]> lines, String output) {}

  @Test
  void allowByDefaultProfileIsEnforcedAsCompiled() throws Exception {
    SeccompSpec spec = SeccompSpec.builder()
        .defaultAction(SeccompAction.ALLOW)
        .addSyscall(Syscall.of(SeccompAction.ERRNO, "uname"))
        .addSyscall(new Syscall(List.of("personality"), SeccompAction.ERRNO, null,
            List.of(SyscallArg.of(0, ArgOperator.EQ, 0x1234))))
        .addSyscall(new Syscall(List.of("getppid"), SeccompAction.ERRNO, 38, List.of()))
        .build();
    CompiledFilter f = COMPILER.compile(spec);
    List<Probe> probes = List.of(
        new Probe("uname", 63, 0L),
        new Probe("personality-0x1234", 135, 0x1234L),
        new Probe("personality-query", 135, 0xffffffffL),
        new Probe("getppid", 110),
        new Probe("getpid", 39));
    Result r = run(f, probes);
    assertThat(r.lines().get("uname")).containsExactly(-1, 1);
    assertThat(r.lines().get("personality-0x1234")).containsExactly(-1, 1);
    assertThat(r.lines().get("personality-query")).containsExactly(0, 0);
    assertThat(r.lines().get("getppid")).containsExactly(-1, 38);
    assertThat(r.lines().get("getpid")[0]).isPositive();
    assertMatchesEmulator(f, probes, r);
  }

  @Test
  void denyByDefaultProfileWithArgumentRuleIsEnforced() throws Exception {
    // The allow list is what a JVM thread needs to print and halt (kernel-enforcement-test.md §5).
    SeccompSpec spec = SeccompSpec.builder()
        .defaultAction(SeccompAction.ERRNO)
        .defaultErrnoRet(1)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "write", "futex", "mmap", "munmap", "mprotect", "madvise",
            "rt_sigreturn", "exit", "exit_group", "getpid", "rseq", "sched_getaffinity"))
        .addSyscall(new Syscall(List.of("personality"), SeccompAction.ALLOW, null,
            List.of(SyscallArg.of(0, ArgOperator.EQ, 0))))
        .addSyscall(new Syscall(List.of("getppid"), SeccompAction.ERRNO, 38, List.of()))
        .build();
    CompiledFilter f = COMPILER.compile(spec);
    List<Probe> probes = List.of(
        new Probe("personality-0", 135, 0L),
        new Probe("personality-0x1234", 135, 0x1234L),
        new Probe("uname", 63, 0L),
        new Probe("getppid", 110),
        new Probe("getpid", 39));
    Result r = run(f, probes);
    assertThat(r.lines().get("personality-0")[1]).isZero();
    assertThat(r.lines().get("personality-0x1234")).containsExactly(-1, 1);
    assertThat(r.lines().get("uname")).containsExactly(-1, 1);
    assertThat(r.lines().get("getppid")).containsExactly(-1, 38);
    assertThat(r.lines().get("getpid")[0]).isPositive();
    assertMatchesEmulator(f, probes, r);
  }

  @Test
  void mobyProfileWithEnosysStubIsEnforced() throws Exception {
    SeccompSpec moby;
    try (InputStream in = Objects.requireNonNull(
        KernelEnforcementIT.class.getResourceAsStream("/dev/spo/seccomp/moby-default-flat-amd64.json"))) {
      moby = ProfileCodec.defaults().readRuntimeSeccomp(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    CompiledFilter f = COMPILER.compile(moby, CompileOptions.builder().enosysStub(true).build());
    List<Probe> probes = List.of(
        new Probe("getpid", 39),
        new Probe("socket-af-alg", 41, 38L, 5L, 0L),
        new Probe("personality-0x1234", 135, 0x1234L),
        new Probe("personality-query", 135, 0xffffffffL),
        new Probe("mount", 165, 0L, 0L, 0L, 0L, 0L),
        new Probe("mseal", 462, 0L, 0L, 0L),
        new Probe("nr-999", 999));
    Result r = run(f, probes);
    assertThat(r.lines().get("socket-af-alg")).containsExactly(-1, 1);
    assertThat(r.lines().get("personality-0x1234")).containsExactly(-1, 1);
    assertThat(r.lines().get("mount")).containsExactly(-1, 1);
    assertThat(r.lines().get("mseal")).containsExactly(-1, 38);
    assertThat(r.lines().get("nr-999")).containsExactly(-1, 38);
    assertMatchesEmulator(f, probes, r);
  }

  @Test
  void killProcessEndsTheChildWithSigsys() throws Exception {
    SeccompSpec spec = SeccompSpec.builder()
        .defaultAction(SeccompAction.ALLOW)
        .addSyscall(Syscall.of(SeccompAction.KILL_PROCESS, "uname"))
        .build();
    CompiledFilter f = COMPILER.compile(spec);
    Result r = run(f, List.of(new Probe("getpid", 39), new Probe("uname", 63, 0L)));
    assertThat(r.exitCode()).as(r.output()).isEqualTo(128 + 31);
    assertThat(r.lines()).containsKey("getpid").doesNotContainKey("uname");
    assertThat(f.program().evaluate(X86_64, 63, 0L).action()).isEqualTo(FilterAction.KILL_PROCESS);
  }

  private static void assertMatchesEmulator(CompiledFilter f, List<Probe> probes, Result r) {
    for (Probe p : probes) {
      long[] args = new long[6];
      System.arraycopy(p.args(), 0, args, 0, p.args().length);
      BpfVerdict v = f.program().evaluate(X86_64, (int) p.nr(), args, 0L);
      long[] seen = r.lines().get(p.label());
      assertThat(seen).as("%s in %s", p.label(), r.output()).isNotNull();
      if (v.action() == FilterAction.ERRNO) {
        assertThat(seen).as(p.label()).containsExactly(-1, v.errno());
      } else {
        assertThat(v.action()).as(p.label()).isEqualTo(FilterAction.ALLOW);
        // Allowed: whatever the kernel says, but not an errno the filter could have produced by itself.
        assertThat(seen[1]).as(p.label()).isNotEqualTo(1);
      }
    }
  }

  private Result run(CompiledFilter f, List<Probe> probes) throws IOException, InterruptedException {
    Path bpf = tmp.resolve("filter.bpf");
    Files.write(bpf, f.bytes());
    String classpath = codeSource(FilterLoaderMain.class) + java.io.File.pathSeparator + codeSource(Native.class);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:+UseSerialGC", "-cp", classpath,
        FilterLoaderMain.class.getName(), bpf.toString(),
        // TSYNC would put the filter on every JVM thread; the test wants the calling thread only.
        Integer.toString(f.seccompFlags() & ~CompiledFilter.FLAG_TSYNC)));
    for (Probe p : probes) {
      cmd.add(p.argv());
    }
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = proc.getInputStream().readAllBytes();
    if (!proc.waitFor(60, TimeUnit.SECONDS)) {
      proc.destroyForcibly();
      throw new AssertionError("child JVM did not finish: " + new String(out, StandardCharsets.UTF_8));
    }
    String text = new String(out, StandardCharsets.UTF_8);
    Map<String, long[]> lines = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 3 && parts[1].startsWith("ret=") && parts[2].startsWith("errno=")) {
        lines.put(parts[0], new long[] {Long.parseLong(parts[1].substring(4)), Long.parseLong(parts[2].substring(6))});
      }
    }
    // Installation must have worked before any probe result means anything.
    assertThat(lines.get("install")).as(text).containsExactly(0, 0);
    return new Result(proc.exitValue(), lines, text);
  }

  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
