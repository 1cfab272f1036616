package dev.spo.bench;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.PullResult;
import dev.spo.oci.PushRequest;
import dev.spo.oci.RegistryClient;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pull latency of a 400-rule seccomp profile from a loopback CNCF Distribution registry
 * ({@code /usr/bin/docker-registry}, started by the benchmark): a cache hit, and a cold pull
 * (cache emptied first: tag resolution, manifest and blob fetch, hashing, YAML decoding). The
 * signature verifier accepts everything, so the figures exclude signature checking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OciPullBenchmark {
  private BenchRegistry registry;
  private Path work;
  private RegistryClient client;
  private OciProfiles oci;
  private String reference;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    work = Files.createTempDirectory("spo-bench-registry-");
    registry = BenchRegistry.start(work);
    String host = registry.host();
    client = RegistryClient.builder().plainHttp(host).build();
    oci =
        OciProfiles.builder()
            .registryClient(client)
            .signaturePolicy(
                SignaturePolicy.require((subject, content) -> VerificationResult.verified(subject.digest(), "bench", null, "none")))
            .build();
    reference = host + "/bench/profile:v1";
    oci.push(reference, PushRequest.of(profile(400)));
    oci.pull(reference);
  }

  private static SeccompProfile profile(int rules) {
    List<Syscall> syscalls = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      syscalls.add(Syscall.of(i % 2 == 0 ? SeccompAction.ALLOW : SeccompAction.LOG, "syscall_" + i));
    }
    return SeccompProfile.of(
        "bench",
        SeccompSpec.builder().defaultAction(SeccompAction.ERRNO).architectures(SeccompArch.X86_64).syscalls(syscalls).build());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    oci.close();
    client.close();
    registry.close();
  }

  /** Pull served from the cache (tag resolution and decoded profile). */
  @Benchmark
  public PullResult cacheHit() {
    return oci.pull(reference);
  }

  /** Pull with an empty cache: two HTTP round trips, hashing and decoding. */
  @Benchmark
  public PullResult coldPull() {
    oci.invalidateAll();
    return oci.pull(reference);
  }
}
