package dev.spo.bench.seccomp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.SeccompCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiles the flattened moby default profile (x86_64, x86, x32; AUTO = binary tree) with
 * {@link SeccompCompiler} and with a C program making the same libseccomp calls, built with gcc
 * at setup and called once per operation through JNA (one call, so JNA overhead stays out of the
 * baseline). The JNA/C ratio goes to docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class SeccompCompileBenchmark {

  /** The C baseline, loaded from the library gcc built at setup. */
  public interface Baseline extends Library {
    Pointer spo_prepare(String description);

    int spo_compile(Pointer prepared);
  }

  private SeccompSpec moby;
  private SeccompCompiler compiler;
  private CompileOptions options;
  private Baseline baseline;
  private Pointer prepared;

  @Setup
  public void setup() throws IOException, InterruptedException {
    moby = ProfileCodec.defaults().readRuntimeSeccomp(new String(resource("moby-default-flat-amd64.json"),
        StandardCharsets.UTF_8));
    compiler = SeccompCompiler.create();
    options = CompileOptions.builder().exportPfc(false).build();
    CompiledFilter reference = compiler.compile(moby, options);

    Path dir = Files.createTempDirectory("spo-bench-");
    Path source = dir.resolve("spo_bench_seccomp.c");
    Files.write(source, resource("spo_bench_seccomp.c"));
    Path lib = dir.resolve("libspobench.so");
    Process gcc = new ProcessBuilder("gcc", "-O2", "-shared", "-fPIC", "-o", lib.toString(), source.toString(),
        "-l:libseccomp.so.2").redirectErrorStream(true).start();
    String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gcc.waitFor() != 0) {
      throw new IllegalStateException("gcc failed (needs gcc and libseccomp-dev headers): " + out);
    }
    baseline = Native.load(lib.toString(), Baseline.class);
    prepared = baseline.spo_prepare(describe(moby, reference.optimization()));
    int length = baseline.spo_compile(prepared);
    if (length != reference.length()) {
      throw new IllegalStateException("C baseline built " + length + " instructions, Java " + reference.length()
          + ": the two do not make the same calls");
    }
  }

  /** The Java path: translation, JNA calls, export through a memfd, parsing and validation. */
  @Benchmark
  public CompiledFilter jna() {
    return compiler.compile(moby, options);
  }

  /** The same libseccomp calls from C. */
  @Benchmark
  public int c() {
    return baseline.spo_compile(prepared);
  }

  /** The rules in the C baseline's format, translated the way SeccompCompiler does (runc). */
  static String describe(SeccompSpec spec, CompileOptions.Optimization optimization) {
    StringBuilder sb = new StringBuilder();
    int def = word(Objects.requireNonNull(spec.defaultAction()), spec.defaultErrnoRet());
    sb.append(String.format("D %x%n", def));
    sb.append("O ").append(optimization == CompileOptions.Optimization.BINARY_TREE ? 2 : 1).append('\n');
    for (SeccompArch a : spec.architectures()) {
      sb.append("A ").append(a.wireName().substring("SCMP_ARCH_".length()).toLowerCase(Locale.ROOT)).append('\n');
    }
    for (Syscall entry : spec.syscalls()) {
      int action = word(entry.action(), entry.errnoRet());
      if (action == def) {
        continue;
      }
      Set<Integer> seen = new HashSet<>();
      boolean split = false;
      for (SyscallArg arg : entry.args()) {
        split |= !seen.add(arg.index());
      }
      for (String name : entry.names()) {
        if (split) {
          for (SyscallArg arg : entry.args()) {
            rule(sb, action, name, java.util.List.of(arg));
          }
        } else {
          rule(sb, action, name, entry.args());
        }
      }
    }
    return sb.toString();
  }

  private static void rule(StringBuilder sb, int action, String name, java.util.List<SyscallArg> args) {
    sb.append(String.format("R %x %s %d", action, name, args.size()));
    for (SyscallArg a : args) {
      sb.append(String.format(" %d %d %x %x", a.index(), a.op().ordinal() + 1, a.value(), a.valueTwo()));
    }
    sb.append('\n');
  }

  private static int word(SeccompAction action, @Nullable Integer errnoRet) {
    int data = errnoRet == null ? 1 : errnoRet;
    return switch (action) {
      case KILL, KILL_THREAD -> 0;
      case KILL_PROCESS -> 0x80000000;
      case TRAP -> 0x00030000;
      case ERRNO -> 0x00050000 | data;
      case TRACE -> 0x7ff00000 | data;
      case LOG -> 0x7ffc0000;
      case ALLOW -> 0x7fff0000;
      case NOTIFY -> 0x7fc00000;
    };
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(SeccompCompileBenchmark.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    }
  }
}
