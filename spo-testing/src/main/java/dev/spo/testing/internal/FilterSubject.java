package dev.spo.testing.internal;

import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.LibseccompVersion;
import dev.spo.seccomp.SeccompCompiler;
import dev.spo.seccomp.SyscallTable;
import dev.spo.seccomp.bpf.BpfProgram;
import dev.spo.seccomp.bpf.BpfTrace;
import dev.spo.seccomp.bpf.BpfVerdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What an assertion looks at: a profile spec (compiled on demand, once per architecture) or an
 * already compiled filter (evaluated as it is).
 */
public final class FilterSubject {
  /** {@code AUDIT_ARCH_X86_64}: x32 tasks report it too, with bit 30 set in the syscall number. */
  private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
  private static final int SHARED_CACHE_SIZE = 32;

  // Shared across assertion objects: a test class usually asserts one profile many times, and a
  // libseccomp compilation of a moby-sized profile costs milliseconds. Keys are value records.
  private static final Map<CacheKey, CompiledFilter> SHARED = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<CacheKey, CompiledFilter> eldest) {
      return size() > SHARED_CACHE_SIZE;
    }
  };
  private static final Map<SeccompArch, SyscallTable> TABLES = new ConcurrentHashMap<>();

  private record CacheKey(SeccompSpec spec, CompileOptions options) {}

  private final String description;
  private final @Nullable SeccompSpec spec;
  private final @Nullable CompiledFilter fixed;
  private final CompileOptions options;
  private final Map<SeccompArch, CompiledFilter> compiled = new ConcurrentHashMap<>();

  private FilterSubject(String description, @Nullable SeccompSpec spec, @Nullable CompiledFilter fixed, CompileOptions options) {
    this.description = description;
    this.spec = spec;
    this.fixed = fixed;
    this.options = options;
  }

  /** A profile spec, compiled with {@code options} (their target architectures are replaced per check). */
  public static FilterSubject ofSpec(SeccompSpec spec, String description, CompileOptions options) {
    return new FilterSubject(description, Objects.requireNonNull(spec, "spec"), null, options);
  }

  /** A compiled filter, evaluated as it is. */
  public static FilterSubject ofFilter(CompiledFilter filter) {
    return new FilterSubject("compiled filter " + filter, null, filter, CompileOptions.defaults());
  }

  /** The same spec with other compile options (fresh per-architecture cache). */
  public FilterSubject withOptions(CompileOptions newOptions) {
    if (spec == null) {
      throw new IllegalStateException("a compiled filter is evaluated as it is; compile options apply to profiles only");
    }
    return new FilterSubject(description, spec, null, Objects.requireNonNull(newOptions, "options"));
  }

  /** E.g. {@code profile "moby-default"}. */
  public String description() {
    return description;
  }

  /** The spec, or null for a compiled filter. */
  public @Nullable SeccompSpec spec() {
    return spec;
  }

  /**
   * The architecture checks use unless told otherwise: the filter's first (its native one when it
   * has it), or this machine's for a profile.
   */
  public SeccompArch defaultArch() {
    if (fixed != null && !fixed.architectures().isEmpty()) {
      return concrete(fixed.architectures().get(0));
    }
    return concrete(SeccompArch.NATIVE);
  }

  /** {@link SeccompArch#NATIVE} resolved to this machine's architecture. */
  public static SeccompArch concrete(SeccompArch arch) {
    return arch == SeccompArch.NATIVE ? table(arch).architecture() : arch;
  }

  /** The syscall's number on {@code arch} in libseccomp's table; empty when it has none. */
  public static OptionalInt syscallNumber(SeccompArch arch, String name) {
    return table(arch).number(name);
  }

  /** The version of the libseccomp that compiles and numbers syscalls. */
  public static LibseccompVersion libseccompVersion() {
    return Compiler.INSTANCE.libraryVersion();
  }

  /** libseccomp's table for an architecture (cached: the lookup resolves the arch name natively). */
  public static SyscallTable table(SeccompArch arch) {
    return TABLES.computeIfAbsent(arch, SyscallTable::of);
  }

  /** Runs the filter for {@code arch} on one syscall; {@code name} must be known (see {@link #syscallNumber}). */
  public Evaluation evaluate(SeccompArch arch, String name, long[] args) {
    SeccompArch a = concrete(arch);
    SyscallTable table = table(a);
    int nr = table.number(name).orElseThrow(() -> new IllegalArgumentException("unknown syscall " + name));
    CompiledFilter filter = filterFor(a);
    int auditArch = a == SeccompArch.X32 ? AUDIT_ARCH_X86_64 : table.token();
    long[] six = Arrays.copyOf(args, 6);
    BpfProgram program = filter.program();
    BpfTrace trace = program.trace(auditArch, nr, six, 0L);
    return new Evaluation(a, name, nr, six, filter, trace.verdict(), trace.path());
  }

  /** The filter checks on {@code arch} run: the fixed one, or the spec compiled for exactly that arch. */
  public CompiledFilter filterFor(SeccompArch arch) {
    if (fixed != null) {
      return fixed;
    }
    return compiled.computeIfAbsent(concrete(arch), this::compile);
  }

  private CompiledFilter compile(SeccompArch arch) {
    SeccompSpec s = Objects.requireNonNull(spec);
    // One architecture per compilation: that is the filter a runtime on such a machine installs
    // for this profile's rules, and it lets an x86_64 host check an aarch64 profile.
    CompileOptions o = options.toBuilder().targetArchitectures(List.of(arch)).build();
    CacheKey key = new CacheKey(s, o);
    synchronized (SHARED) {
      CompiledFilter hit = SHARED.get(key);
      if (hit != null) {
        return hit;
      }
    }
    CompiledFilter f = Compiler.INSTANCE.compile(s, o);
    synchronized (SHARED) {
      SHARED.put(key, f);
    }
    return f;
  }

  /**
   * One syscall run through the filter.
   *
   * @param arch the architecture
   * @param name the syscall name
   * @param nr its number on {@code arch}
   * @param args the six argument values
   * @param filter the filter that ran
   * @param verdict the emulator's verdict
   * @param path the instructions executed
   */
  public record Evaluation(
      SeccompArch arch, String name, int nr, long[] args, CompiledFilter filter, BpfVerdict verdict, List<Integer> path) {}

  private static final class Compiler {
    static final SeccompCompiler INSTANCE = SeccompCompiler.create();
  }
}
