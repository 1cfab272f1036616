package dev.spo.bench;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.Syscall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Reads and writes a SeccompProfile of 400 rules (one or two names each) as YAML. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {
  private static final int RULES = 400;

  private final ProfileCodec codec = ProfileCodec.defaults();
  private SeccompProfile profile;
  private String yaml;

  @Setup
  public void setUp() {
    // 300 rules of two names and 100 of one name.
    List<Syscall> rules = new ArrayList<>(BenchProfiles.rules(0, 600, 2));
    rules.addAll(BenchProfiles.rules(600, 100, 1));
    profile = BenchProfiles.profile("bench-400", null, rules);
    if (profile.spec().syscalls().size() != RULES) {
      throw new AssertionError("expected " + RULES + " rules, got " + profile.spec().syscalls().size());
    }
    yaml = codec.toYaml(profile);
    if (!codec.read(yaml).equals(profile)) {
      throw new AssertionError("YAML round trip is not lossless");
    }
  }

  @Benchmark
  public Profile parseYaml() {
    return codec.read(yaml);
  }

  @Benchmark
  public String writeYaml() {
    return codec.toYaml(profile);
  }
}
