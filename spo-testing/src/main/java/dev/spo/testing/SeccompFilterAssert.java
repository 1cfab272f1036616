package dev.spo.testing;

import dev.spo.core.seccomp.SeccompArch;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.bpf.BpfVerdict;
import dev.spo.seccomp.bpf.FilterAction;
import dev.spo.testing.internal.FailureReport;
import dev.spo.testing.internal.FilterSubject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on what a seccomp profile or compiled filter decides for single syscalls on one
 * architecture. Obtain one from {@link SeccompAssertions}.
 *
 * <pre>{@code
 * assertThat(profile).onArch(SeccompArch.X86_64)
 *     .allows("read")
 *     .returnsErrno("mount", 1)
 *     .deniesWithArgs("socket", 38)          // AF_ALG
 *     .allows("personality").withArg(0, 8);  // re-checked with a0 = 8
 * }</pre>
 *
 * <p>How a verdict is found: a profile is compiled with libseccomp (runc semantics, or the
 * {@link #usingCompileOptions options} given) for exactly the asserted architecture, i.e. the
 * filter a runtime on such a machine installs for the profile's rules, once per assertion object
 * and architecture (and shared through a small cache); the BPF program then runs in the pure-Java
 * emulator with the syscall's number from libseccomp's table. A compiled filter runs as it is,
 * so asserting one on an architecture it does not cover shows its bad-arch action (e.g. x86 calls
 * under an x86_64-only filter). A syscall name that libseccomp does not know for the architecture
 * fails the assertion.
 *
 * <p>Arguments: the name-only checks run with all six arguments 0. {@link #withArg(int, long)}
 * sets one argument and checks the previous expectation again, so {@code allows("personality")
 * .withArg(0, 8)} checks {@code personality(0)} and then {@code personality(8)}. When the
 * all-zero call has a different verdict, use the {@code …WithArgs} forms, which check only the
 * arguments given (missing trailing ones are 0).
 *
 * <p>A failure shows the expected and the actual verdict, the profile rules that name the syscall
 * (marking those whose conditions hold), and the BPF instructions executed.
 */
public final class SeccompFilterAssert extends AbstractAssert<SeccompFilterAssert, @Nullable Object> {
  private static final Set<FilterAction> DENIED =
      EnumSet.of(FilterAction.ERRNO, FilterAction.TRAP, FilterAction.KILL_THREAD, FilterAction.KILL_PROCESS);
  private static final Set<FilterAction> KILLED = EnumSet.of(FilterAction.KILL_THREAD, FilterAction.KILL_PROCESS);

  private @Nullable FilterSubject subject;
  private @Nullable SeccompArch arch;
  private @Nullable Check last;

  /** The expectation of the previous check, kept so that {@link #withArg} can repeat it. */
  private record Check(String name, String expected, Predicate<BpfVerdict> test, long[] args) {}

  SeccompFilterAssert(@Nullable Object actual, @Nullable FilterSubject subject) {
    super(actual, SeccompFilterAssert.class);
    this.subject = subject;
  }

  /**
   * The architecture the following checks run on; by default a compiled filter's first
   * architecture, or this machine's for a profile. {@link SeccompArch#NATIVE} means this machine's.
   */
  public SeccompFilterAssert onArch(SeccompArch architecture) {
    this.arch = Objects.requireNonNull(architecture, "architecture");
    this.last = null;
    return myself;
  }

  /**
   * Compile options for the following checks (default: {@link CompileOptions#defaults()}, runc's
   * translation); their target architectures are replaced by the asserted one. Profiles only.
   *
   * @throws IllegalStateException when the actual value is a compiled filter
   */
  public SeccompFilterAssert usingCompileOptions(CompileOptions options) {
    isNotNull();
    this.subject = Objects.requireNonNull(subject).withOptions(options);
    this.last = null;
    return myself;
  }

  /** The syscall, called with all arguments 0, is allowed (ALLOW). */
  public SeccompFilterAssert allows(String syscall) {
    return allowsWithArgs(syscall);
  }

  /** The syscall, called with these arguments (the rest 0), is allowed (ALLOW). */
  public SeccompFilterAssert allowsWithArgs(String syscall, long... args) {
    return check(syscall, "ALLOW", v -> v.action() == FilterAction.ALLOW, args);
  }

  /**
   * The syscall, called with all arguments 0, does not run: ERRNO with any errno, TRAP, KILL_THREAD
   * or KILL_PROCESS. (LOG runs the syscall; NOTIFY and TRACE leave it to an agent or a tracer.)
   */
  public SeccompFilterAssert denies(String syscall) {
    return deniesWithArgs(syscall);
  }

  /** {@link #denies(String)} for a call with these arguments (the rest 0). */
  public SeccompFilterAssert deniesWithArgs(String syscall, long... args) {
    return check(syscall, "denied (ERRNO, TRAP, KILL_THREAD or KILL_PROCESS)", v -> DENIED.contains(v.action()), args);
  }

  /** The syscall, called with all arguments 0, fails with this errno (action ERRNO, data = errno). */
  public SeccompFilterAssert returnsErrno(String syscall, int errno) {
    return returnsErrnoWithArgs(syscall, errno);
  }

  /** {@link #returnsErrno(String, int)} for a call with these arguments (the rest 0). */
  public SeccompFilterAssert returnsErrnoWithArgs(String syscall, int errno, long... args) {
    return check(syscall, "ERRNO(" + errno + ")", v -> v.action() == FilterAction.ERRNO && v.errno() == errno, args);
  }

  /** The syscall, called with all arguments 0, kills the thread or the process. */
  public SeccompFilterAssert kills(String syscall) {
    return killsWithArgs(syscall);
  }

  /** {@link #kills(String)} for a call with these arguments (the rest 0). */
  public SeccompFilterAssert killsWithArgs(String syscall, long... args) {
    return check(syscall, "killed (KILL_THREAD or KILL_PROCESS)", v -> KILLED.contains(v.action()), args);
  }

  /** The syscall, called with all arguments 0, is allowed and logged (LOG). */
  public SeccompFilterAssert logs(String syscall) {
    return check(syscall, "LOG", v -> v.action() == FilterAction.LOG, new long[0]);
  }

  /** The syscall, called with all arguments 0, raises SIGSYS (TRAP, any data). */
  public SeccompFilterAssert traps(String syscall) {
    return check(syscall, "TRAP", v -> v.action() == FilterAction.TRAP, new long[0]);
  }

  /** The syscall, called with all arguments 0, goes to the notify agent (NOTIFY, {@code SECCOMP_RET_USER_NOTIF}). */
  public SeccompFilterAssert notifies(String syscall) {
    return check(syscall, "NOTIFY", v -> v.action() == FilterAction.USER_NOTIF, new long[0]);
  }

  /**
   * Every syscall name the profile's rules use is known to libseccomp. runc and crun silently
   * leave unknown names (typos, syscalls newer than the library) out of the filter; for a compiled
   * filter this checks {@link dev.spo.seccomp.CompiledFilter#ignoredSyscalls()}.
   */
  public SeccompFilterAssert hasNoIgnoredSyscalls() {
    isNotNull();
    FilterSubject s = Objects.requireNonNull(subject);
    SeccompArch a = FilterSubject.concrete(arch != null ? arch : s.defaultArch());
    List<String> ignored = s.filterFor(a).ignoredSyscalls();
    if (!ignored.isEmpty()) {
      failWithMessage("Expecting %s to name only syscalls libseccomp %s knows,%nbut the filter for %s leaves out %d: %s",
          s.description(), FilterSubject.libseccompVersion(), a.wireName(), ignored.size(), String.join(", ", ignored));
    }
    return myself;
  }

  /**
   * Sets argument {@code index} (0..5) to {@code value} and checks the previous expectation again
   * for the same syscall; arguments set earlier in the chain are kept.
   *
   * @throws IllegalStateException when no syscall check precedes it
   */
  public SeccompFilterAssert withArg(int index, long value) {
    if (index < 0 || index > 5) {
      throw new IllegalArgumentException("argument index must be 0..5, got " + index);
    }
    Check previous = last;
    if (previous == null) {
      throw new IllegalStateException("withArg(" + index + ", " + value + ") needs a syscall check before it, "
          + "e.g. allows(\"personality\").withArg(0, 8)");
    }
    long[] args = Arrays.copyOf(previous.args(), 6);
    args[index] = value;
    return check(previous.name(), previous.expected(), previous.test(), args);
  }

  private SeccompFilterAssert check(String syscall, String expected, Predicate<BpfVerdict> test, long[] args) {
    Objects.requireNonNull(syscall, "syscall");
    if (args.length > 6) {
      throw new IllegalArgumentException("a syscall has at most 6 arguments, got " + args.length);
    }
    isNotNull();
    FilterSubject s = Objects.requireNonNull(subject);
    SeccompArch a = FilterSubject.concrete(arch != null ? arch : s.defaultArch());
    long[] six = Arrays.copyOf(args, 6);
    last = new Check(syscall, expected, test, six);
    if (FilterSubject.syscallNumber(a, syscall).isEmpty()) {
      failWithMessage("%s", FailureReport.unknownSyscall(s, a, syscall));
    }
    FilterSubject.Evaluation ev = s.evaluate(a, syscall, six);
    if (!test.test(ev.verdict())) {
      String actualVerdict = FilterAction.describe(ev.verdict().returnValue());
      failWithActualExpectedAndMessage(actualVerdict, expected, "%s", FailureReport.verdictMismatch(s, ev, expected));
    }
    return myself;
  }
}
