package dev.spo.seccomp;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.seccomp.internal.Arches;
import dev.spo.seccomp.internal.EnosysStub;
import dev.spo.seccomp.internal.FilterContext;
import dev.spo.seccomp.internal.Libseccomp;
import dev.spo.seccomp.bpf.BpfInstruction;
import dev.spo.seccomp.bpf.BpfProgram;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles seccomp profiles to BPF with libseccomp, following runc's translation by default
 * (see {@link CompileOptions}):
 *
 * <ul>
 *   <li>actions map to libseccomp action words; ERRNO and TRACE take {@code errnoRet} or EPERM (1);
 *   <li>architectures are added before any rule; "already present" is ignored, a byte-order mix
 *       is reported as such;
 *   <li>every (entry, name) pair becomes one rule; pairs whose action equals the default action
 *       are skipped; names libseccomp does not know are skipped and listed;
 *   <li>argument conditions form one rule (AND) unless an index repeats, then each condition is
 *       its own rule (OR); {@code MASKED_EQ} uses {@code value} as mask and {@code valueTwo} as datum.
 * </ul>
 *
 * <p>libseccomp is loaded lazily at the first compilation; instances are immutable and safe to use
 * from many threads (each compilation owns its own filter context and releases it).
 */
public final class SeccompCompiler {
  private static final int EPERM = 1;
  /** runc switches to a binary tree above this many (entry, name) pairs. */
  private static final int BINARY_TREE_THRESHOLD = 32;

  private final String libraryName;

  private SeccompCompiler(String libraryName) {
    this.libraryName = libraryName;
  }

  /** A compiler using the system's {@code libseccomp.so.2}. */
  public static SeccompCompiler create() {
    return new SeccompCompiler(Libseccomp.DEFAULT_LIBRARY);
  }

  /**
   * A compiler using another libseccomp build, given as a file name or path that {@code dlopen}
   * understands (e.g. {@code /opt/libseccomp/lib/libseccomp.so.2}).
   */
  public static SeccompCompiler create(String libraryName) {
    return new SeccompCompiler(Objects.requireNonNull(libraryName, "libraryName"));
  }

  /**
   * Version of the libseccomp this compiler uses, loading it if needed.
   *
   * @throws NativeLibraryException when libseccomp is missing or too old
   */
  public LibseccompVersion libraryVersion() {
    return Libseccomp.get(libraryName).version();
  }

  /** {@link #compile(SeccompSpec, CompileOptions)} of the profile's spec, naming the profile in errors. */
  public CompiledFilter compile(SeccompProfile profile, CompileOptions options) {
    return compile(profile.spec(), options, profile.metadata().name());
  }

  /** {@link #compile(SeccompSpec, CompileOptions)} with runc defaults. */
  public CompiledFilter compile(SeccompSpec spec) {
    return compile(spec, CompileOptions.defaults());
  }

  /**
   * Compiles a profile spec.
   *
   * @throws SeccompCompileException when the profile cannot be compiled as asked
   * @throws SeccompNativeException when libseccomp rejects a rule, an architecture or an attribute
   * @throws NativeLibraryException when libseccomp is missing or too old
   */
  public CompiledFilter compile(SeccompSpec spec, CompileOptions options) {
    return compile(spec, options, null);
  }

  private CompiledFilter compile(SeccompSpec spec, CompileOptions options, @Nullable String profile) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(options, "options");
    boolean crun = options.compatibility() == CompileOptions.Compatibility.CRUN;
    List<Pair> pairs = check(spec, options, profile);

    Libseccomp lib = Libseccomp.get(libraryName);
    SeccompAction defaultAction = Objects.requireNonNull(spec.defaultAction());
    int defaultWord = actionWord(defaultAction, spec.defaultErrnoRet(), profile, null);
    CompileOptions.Optimization optimization = switch (options.optimization()) {
      case AUTO -> !crun && pairs.size() > BINARY_TREE_THRESHOLD
          ? CompileOptions.Optimization.BINARY_TREE
          : CompileOptions.Optimization.LINEAR;
      default -> options.optimization();
    };

    List<String> ignored = new ArrayList<>();
    List<Integer> tokens;
    byte[] raw;
    String pfc = null;
    try (FilterContext ctx = lib.newContext(defaultWord, profile)) {
      // NNP=0: the loader (runc, crun, our tests) handles no_new_privs itself; it never changes the bytes.
      ctx.setAttribute(Libseccomp.ATTR_CTL_NNP, 0, "SCMP_FLTATR_CTL_NNP");
      ctx.setAttribute(Libseccomp.ATTR_CTL_OPTIMIZE,
          optimization == CompileOptions.Optimization.BINARY_TREE ? 2 : 1, "SCMP_FLTATR_CTL_OPTIMIZE");
      if (options.badArchAction() != SeccompAction.KILL_THREAD) {
        ctx.setAttribute(Libseccomp.ATTR_ACT_BADARCH, actionWord(options.badArchAction(), null, profile, null),
            "SCMP_FLTATR_ACT_BADARCH");
      }
      tokens = addArchitectures(lib, ctx, spec, options, profile);
      addRules(lib, ctx, pairs, defaultWord, options, profile, ignored);
      raw = ctx.exportBpf();
      if (options.exportPfc()) {
        pfc = ctx.exportPfc();
      }
    }

    ByteOrder order = tokens.isEmpty() ? ByteOrder.nativeOrder() : Arches.byteOrder(tokens.get(0));
    BpfProgram program = BpfProgram.parse(raw, order);
    int stubLength = 0;
    if (options.enosysStub() && !allowLike(defaultAction)) {
      List<BpfInstruction> stub = EnosysStub.build(lastSyscalls(lib, tokens, spec));
      program = program.prepend(stub);
      stubLength = stub.size();
    }
    List<SeccompArch> arches = new ArrayList<>();
    for (int t : tokens) {
      SeccompArch a = Arches.fromToken(t);
      if (a != null) {
        arches.add(a);
      }
    }
    return new CompiledFilter(program, arches, flags(spec, pairs, crun), spec.listenerPath(),
        spec.listenerMetadata(), ignored, lib.version(), pfc, optimization, stubLength, pairs.size());
  }

  /** One (entry, name) pair: runc's {@code configs.Syscall}. */
  private record Pair(Syscall entry, String name, int entryIndex) {}

  /** Checks that need no library: default action, errnoRet (crun), argument indexes, NOTIFY, flags. */
  private static List<Pair> check(SeccompSpec spec, CompileOptions options, @Nullable String profile) {
    boolean crun = options.compatibility() == CompileOptions.Compatibility.CRUN;
    SeccompAction def = spec.defaultAction();
    if (def == null) {
      throw new SeccompCompileException(profile, List.of(), spec.syscalls().isEmpty()
          ? "no defaultAction and no syscalls: the profile disables seccomp, there is no filter to compile"
          : "defaultAction is required");
    }
    if (def == SeccompAction.NOTIFY) {
      throw new SeccompCompileException(profile, List.of(), "SCMP_ACT_NOTIFY cannot be the default action");
    }
    if (crun && spec.defaultErrnoRet() != null && !def.takesErrno()) {
      throw new SeccompCompileException(profile, List.of(),
          "defaultErrnoRet is set but " + def.wireName() + " takes no errno value (crun rejects this)");
    }
    if (!crun && spec.flags() != null && spec.flags().contains(SeccompFlag.WAIT_KILLABLE_RECV)) {
      throw new SeccompCompileException(profile, List.of(), "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV needs "
          + "libseccomp 2.6; runc refuses it with libseccomp 2.5 (use crun compatibility to pass the bit through)");
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < spec.syscalls().size(); i++) {
      Syscall entry = spec.syscalls().get(i);
      String where = "syscalls[" + i + "]";
      if (crun && entry.errnoRet() != null && !entry.action().takesErrno()) {
        throw new SeccompCompileException(profile, entry.names(), where + ": errnoRet is set but "
            + entry.action().wireName() + " takes no errno value (crun rejects this)");
      }
      for (SyscallArg arg : entry.args()) {
        if (arg.index() < 0 || arg.index() > 5) {
          throw new SeccompCompileException(profile, entry.names(),
              where + ": argument index " + arg.index() + " is outside 0..5");
        }
      }
      for (String name : entry.names()) {
        if (name.isEmpty()) {
          throw new SeccompCompileException(profile, List.of(), where + ": empty syscall name");
        }
        if (entry.action() == SeccompAction.NOTIFY && name.equals("write") && !crun) {
          // runc needs write(2) to hand the listener fd to its parent.
          throw new SeccompCompileException(profile, List.of(name), where + ": runc refuses SCMP_ACT_NOTIFY on write");
        }
        pairs.add(new Pair(entry, name, i));
      }
    }
    return pairs;
  }

  private static List<Integer> addArchitectures(
      Libseccomp lib, FilterContext ctx, SeccompSpec spec, CompileOptions options, @Nullable String profile) {
    List<Integer> present = new ArrayList<>();
    List<SeccompArch> wanted;
    if (options.targetArchitectures().isEmpty()) {
      present.add(lib.nativeArch());
      wanted = spec.architectures();
    } else {
      wanted = options.targetArchitectures();
      Set<Integer> targetTokens = new HashSet<>();
      for (SeccompArch a : wanted) {
        targetTokens.add(a == SeccompArch.NATIVE ? lib.nativeArch() : resolveArch(lib, a, profile));
      }
      if (targetTokens.contains(lib.nativeArch())) {
        present.add(lib.nativeArch());
      } else {
        // Cross-compiling: drop the native arch before any other is added; the first arch added
        // then fixes the filter's byte order.
        int rc = ctx.removeArch(0);
        if (rc < 0) {
          throw new SeccompNativeException("seccomp_arch_remove", -rc, profile, null, "SCMP_ARCH_NATIVE",
              "cannot remove the native architecture");
        }
      }
    }
    for (SeccompArch arch : wanted) {
      int token = arch == SeccompArch.NATIVE ? lib.nativeArch() : resolveArch(lib, arch, profile);
      int rc = ctx.addArch(token);
      if (rc == -17) { // EEXIST: already present, always the case for the native arch
        continue;
      }
      if (rc == -33) { // EDOM
        throw new SeccompNativeException("seccomp_arch_add", 33, profile, null, arch.wireName(),
            "mixed endianness: " + arch.wireName() + " is " + Arches.byteOrder(token) + " but the filter already covers "
                + names(present) + " (" + (present.isEmpty() ? "?" : Arches.byteOrder(present.get(0)))
                + "); one filter holds one byte order");
      }
      if (rc < 0) {
        throw new SeccompNativeException("seccomp_arch_add", -rc, profile, null, arch.wireName(),
            "cannot add the architecture");
      }
      present.add(token);
    }
    if (present.isEmpty()) {
      throw new SeccompCompileException(profile, List.of(), "no architecture left in the filter");
    }
    return present;
  }

  private static int resolveArch(Libseccomp lib, SeccompArch arch, @Nullable String profile) {
    int token = lib.resolveArch(Arches.libseccompName(arch));
    if (token == 0) {
      throw new SeccompCompileException(profile, List.of(),
          "libseccomp " + lib.version() + " does not know architecture " + arch.wireName());
    }
    return token;
  }

  private static List<String> names(List<Integer> tokens) {
    List<String> out = new ArrayList<>();
    for (int t : tokens) {
      SeccompArch a = Arches.fromToken(t);
      out.add(a == null ? String.format("0x%08x", t) : a.wireName());
    }
    return out;
  }

  private static void addRules(
      Libseccomp lib,
      FilterContext ctx,
      List<Pair> pairs,
      int defaultWord,
      CompileOptions options,
      @Nullable String profile,
      List<String> ignored) {
    Set<String> unknown = new LinkedHashSet<>();
    for (Pair p : pairs) {
      Syscall entry = p.entry();
      int action = actionWord(entry.action(), entry.errnoRet(), profile, p.name());
      if (action == defaultWord) {
        continue; // libseccomp would answer EACCES; runc and crun skip these silently
      }
      int nr = lib.resolveSyscall(p.name());
      if (nr == -1) { // __NR_SCMP_ERROR
        unknown.add(p.name());
        continue;
      }
      List<SyscallArg> args = entry.args();
      if (args.isEmpty()) {
        add(ctx, action, nr, List.of(), p, profile);
      } else if (hasRepeatedIndex(args)) {
        // libseccomp allows one comparison per argument per rule; runc then makes every
        // condition its own rule, which turns the whole entry into an OR.
        for (SyscallArg arg : args) {
          add(ctx, action, nr, List.of(arg), p, profile);
        }
      } else {
        add(ctx, action, nr, args, p, profile);
      }
    }
    if (!unknown.isEmpty() && options.unknownSyscalls() == CompileOptions.UnknownSyscalls.FAIL) {
      throw new SeccompCompileException(profile, List.copyOf(unknown),
          "libseccomp " + lib.version() + " does not know these syscalls: " + String.join(", ", unknown));
    }
    ignored.addAll(unknown);
  }

  private static boolean hasRepeatedIndex(List<SyscallArg> args) {
    Set<Integer> seen = new HashSet<>();
    for (SyscallArg a : args) {
      if (!seen.add(a.index())) {
        return true;
      }
    }
    return false;
  }

  private static void add(
      FilterContext ctx, int action, int nr, List<SyscallArg> args, Pair p, @Nullable String profile) {
    int n = args.size();
    int[] index = new int[n];
    int[] op = new int[n];
    long[] a = new long[n];
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      SyscallArg arg = args.get(i);
      index[i] = arg.index();
      op[i] = arg.op().ordinal() + 1; // SCMP_CMP_NE = 1 ... SCMP_CMP_MASKED_EQ = 7, in enum order
      a[i] = arg.value(); // the mask for MASKED_EQ
      b[i] = arg.valueTwo(); // the datum for MASKED_EQ, ignored otherwise
    }
    int rc = ctx.addRule(action, nr, index, op, a, b);
    if (rc < 0) {
      String detail = switch (-rc) {
        case 17 -> "another rule for this syscall has the same conditions but a different action";
        case 22 -> "invalid rule (action value, argument index or comparison)";
        default -> "cannot add the rule";
      };
      throw new SeccompNativeException("seccomp_rule_add_array", -rc, profile, p.name(), null,
          "syscalls[" + p.entryIndex() + "] " + p.entry().action().wireName()
              + (args.isEmpty() ? "" : " with " + args) + ": " + detail);
    }
  }

  /** The libseccomp action word; runc semantics: errnoRet only for ERRNO/TRACE, default EPERM. */
  static int actionWord(SeccompAction action, @Nullable Integer errnoRet, @Nullable String profile,
      @Nullable String syscall) {
    int data = 0;
    if (action.takesErrno()) {
      data = errnoRet == null ? EPERM : errnoRet;
      if (data < 0 || data > 0xffff) {
        throw new SeccompCompileException(profile, syscall == null ? List.of() : List.of(syscall),
            "errnoRet " + data + " does not fit the 16-bit data of " + action.wireName());
      }
    }
    return switch (action) {
      case KILL, KILL_THREAD -> 0x00000000;
      case KILL_PROCESS -> 0x80000000;
      case TRAP -> 0x00030000;
      case ERRNO -> 0x00050000 | data;
      case TRACE -> 0x7ff00000 | data;
      case LOG -> 0x7ffc0000;
      case ALLOW -> 0x7fff0000;
      case NOTIFY -> 0x7fc00000;
    };
  }

  private static boolean allowLike(SeccompAction action) {
    return action == SeccompAction.ALLOW || action == SeccompAction.LOG || action == SeccompAction.TRACE;
  }

  /** Per arch token, the highest syscall number any rule names (runc's findLastSyscalls). */
  private static Map<Integer, Integer> lastSyscalls(Libseccomp lib, List<Integer> tokens, SeccompSpec spec) {
    Map<Integer, Integer> max = new LinkedHashMap<>();
    for (int token : tokens) {
      int best = 0;
      for (Syscall entry : spec.syscalls()) {
        for (String name : entry.names()) {
          int nr = lib.resolveSyscall(token, name);
          if (nr > best) {
            best = nr;
          }
        }
      }
      if (best > 0) {
        max.put(token, best);
      }
    }
    return max;
  }

  private static int flags(SeccompSpec spec, List<Pair> pairs, boolean crun) {
    int flags = 0;
    if (spec.flags() == null) {
      flags |= CompiledFilter.FLAG_SPEC_ALLOW; // both runtimes default to SPEC_ALLOW when the field is absent
    } else {
      for (SeccompFlag f : spec.flags()) {
        if (f == SeccompFlag.TSYNC && !crun) {
          continue; // accepted but never passed by runc
        }
        flags |= f.bit();
      }
    }
    for (Pair p : pairs) {
      if (p.entry().action() == SeccompAction.NOTIFY) {
        flags |= CompiledFilter.FLAG_NEW_LISTENER;
        break;
      }
    }
    return flags;
  }
}
