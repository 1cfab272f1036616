package dev.spo.testing;

import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.testing.internal.FilterSubject;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of the seccomp assertions. Import the {@code assertThat} methods statically next to
 * AssertJ's: overloads of one name from several static imports coexist.
 *
 * <pre>{@code
 * import static dev.spo.testing.SeccompAssertions.assertThat;
 *
 * assertThat(profile).onArch(SeccompArch.X86_64).allows("read").denies("ptrace").returnsErrno("clone3", 38);
 * }</pre>
 *
 * <p>Verdicts need libseccomp ({@code libseccomp2}) for compilation and syscall numbers; without
 * it checks throw {@link dev.spo.seccomp.NativeLibraryException} with an install hint.
 */
public final class SeccompAssertions {
  private SeccompAssertions() {}

  /** Assertions on a profile object. */
  public static SeccompFilterAssert assertThat(@Nullable SeccompProfile actual) {
    return new SeccompFilterAssert(actual, actual == null ? null
        : FilterSubject.ofSpec(actual.spec(), "profile \"" + actual.metadata().name() + "\"", CompileOptions.defaults()));
  }

  /** Assertions on a profile spec (e.g. plain runtime-spec JSON read with {@code readRuntimeSeccomp}). */
  public static SeccompFilterAssert assertThat(@Nullable SeccompSpec actual) {
    return new SeccompFilterAssert(actual, actual == null ? null
        : FilterSubject.ofSpec(actual, "a seccomp spec", CompileOptions.defaults()));
  }

  /** Assertions on the merged profile of a composition. */
  public static SeccompFilterAssert assertThat(@Nullable ComposedProfile actual) {
    if (actual == null) {
      return new SeccompFilterAssert(null, null);
    }
    String description = "composed profile \"" + actual.profile().metadata().name() + "\" (" + actual.strategy()
        + " over " + actual.chain().size() + (actual.chain().size() == 1 ? " base)" : " bases)");
    return new SeccompFilterAssert(actual,
        FilterSubject.ofSpec(actual.profile().spec(), description, CompileOptions.defaults()));
  }

  /** Assertions on a compiled filter, evaluated as it is (no recompilation, no profile rules in messages). */
  public static SeccompFilterAssert assertThat(@Nullable CompiledFilter actual) {
    return new SeccompFilterAssert(actual, actual == null ? null : FilterSubject.ofFilter(actual));
  }
}
