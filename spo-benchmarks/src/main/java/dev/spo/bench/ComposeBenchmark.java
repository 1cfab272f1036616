package dev.spo.bench;

import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.compose.InMemoryProfileStore;
import dev.spo.core.compose.MergeStrategy;
import dev.spo.core.compose.ProfileComposer;
import dev.spo.core.seccomp.SeccompProfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Composes a profile whose base chain is 14 deep (the most SPO resolves), each base holding
 * {@link #names} syscall names, with {@link MergeStrategy#UNION} through an in-memory store.
 * Neighbouring bases share three quarters of their names, so every step resolves conflicts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ComposeBenchmark {
  private static final int DEPTH = 14;
  private static final int NAMES_PER_RULE = 20;

  /** Syscall names per base profile. */
  @Param({"400", "4000"})
  public int names;

  private ProfileComposer composer;
  private SeccompProfile child;

  @Setup
  public void setUp() {
    InMemoryProfileStore store = new InMemoryProfileStore();
    int stride = names / 4;
    for (int level = 1; level <= DEPTH; level++) {
      String base = level < DEPTH ? "base-" + (level + 1) : null;
      store.put(BenchProfiles.profile(
          "base-" + level, base, BenchProfiles.rules(level * stride, names, NAMES_PER_RULE)));
    }
    child = BenchProfiles.profile("app", "base-1", BenchProfiles.rules(0, names, NAMES_PER_RULE));
    composer = ProfileComposer.builder().resolver(store).strategy(MergeStrategy.UNION).build();
    int merged = composer.compose(child).profile().spec().syscalls().size();
    if (merged != names + DEPTH * stride) {
      throw new AssertionError("unexpected merged size " + merged);
    }
  }

  /** The composition alone. */
  @Benchmark
  public ComposedProfile composeUnion() {
    return composer.compose(child);
  }

  /** Composition plus the {@code syscalls} annotation value SPO writes on the object. */
  @Benchmark
  public String composeUnionWithAnnotation() {
    return composer.compose(child).syscallsAnnotation();
  }
}
