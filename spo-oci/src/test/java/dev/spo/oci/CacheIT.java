package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pull cache against a real registry, counting requests in the registry's access log. */
@EnabledOnOs(OS.LINUX)
class CacheIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static RegistryClient client;

  @BeforeAll
  static void setUp() {
    client = REGISTRY.clientBuilder().build();
  }

  @AfterAll
  static void tearDown() {
    client.close();
  }

  private static OciProfiles oci(CacheSettings settings, Ticker ticker) {
    return OciProfiles.builder()
        .registryClient(client)
        .signaturePolicy(SignaturePolicy.insecureSkipVerification())
        .cache(settings)
        .ticker(ticker)
        .build();
  }

  @Test
  void thousandConcurrentPullsOfAnUncachedTagFetchOnce() throws Exception {
    String ref = REGISTRY.host() + "/cache/concurrent:v1";
    PushResult pushed;
    try (OciProfiles pusher = oci(CacheSettings.DISABLED, Ticker.systemTicker())) {
      pushed = pusher.push(ref, PushRequest.of(TestProfiles.large("concurrent", 400)));
    }
    String layer;
    try (OciProfiles oci = oci(CacheSettings.DEFAULTS, Ticker.systemTicker())) {
      ExecutorService pool = Executors.newFixedThreadPool(64);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PullResult>> results = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return oci.pull(ref);
                }));
      }
      start.countDown();
      List<String> digests = new ArrayList<>();
      for (Future<PullResult> f : results) {
        digests.add(f.get(60, TimeUnit.SECONDS).digest());
      }
      pool.shutdown();
      assertThat(digests).hasSize(1000).containsOnly(pushed.digest());
      layer = oci.pull(ref).layerDigest();
      CacheStatistics stats = oci.cacheStatistics();
      assertThat(stats.tagMisses()).isEqualTo(1);
      assertThat(stats.tagHits()).isEqualTo(1000);
    }
    assertThat(REGISTRY.countRequests("GET /v2/cache/concurrent/manifests/")).isEqualTo(1);
    assertThat(REGISTRY.countRequests("GET /v2/cache/concurrent/blobs/" + layer)).isEqualTo(1);
  }

  @Test
  void tagResolutionsExpireAfterTheTtl() throws Exception {
    String ref = REGISTRY.host() + "/cache/ttl:v1";
    AtomicLong now = new AtomicLong();
    try (OciProfiles oci = oci(new CacheSettings(1000, Duration.ofMinutes(5)), now::get)) {
      PushResult first = oci.push(ref, PushRequest.of(TestProfiles.seccomp("ttl", "read")));
      assertThat(oci.pull(ref).digest()).isEqualTo(first.digest());
      // Another writer moves the tag; this instance keeps serving the cached resolution.
      PushResult second;
      try (OciProfiles other = oci(CacheSettings.DISABLED, Ticker.systemTicker())) {
        second = other.push(ref, PushRequest.of(TestProfiles.seccomp("ttl", "write")));
      }
      now.addAndGet(Duration.ofMinutes(4).toNanos());
      assertThat(oci.pull(ref).digest()).isEqualTo(first.digest());
      assertThat(REGISTRY.countRequests("GET /v2/cache/ttl/manifests/v1")).isEqualTo(1);
      now.addAndGet(Duration.ofMinutes(2).toNanos());
      PullResult after = oci.pull(ref);
      assertThat(after.digest()).isEqualTo(second.digest());
      assertThat(TestProfiles.allowed(after.profile())).containsExactly("write");
      assertThat(REGISTRY.countRequests("GET /v2/cache/ttl/manifests/v1")).isEqualTo(2);
      // Explicit invalidation also re-resolves.
      oci.invalidate(ref);
      oci.pull(ref);
      assertThat(REGISTRY.countRequests("GET /v2/cache/ttl/manifests/v1")).isEqualTo(3);
    }
  }

  @Test
  void maximumSizeEvicts() {
    try (OciProfiles oci = oci(new CacheSettings(2, Duration.ofHours(1)), Ticker.systemTicker())) {
      for (int i = 0; i < 5; i++) {
        String ref = REGISTRY.host() + "/cache/size:t" + i;
        oci.push(ref, PushRequest.of(TestProfiles.seccomp("s" + i, "call" + i)));
        oci.pull(ref);
      }
      CacheStatistics stats = oci.cacheStatistics();
      assertThat(stats.size()).isLessThanOrEqualTo(4);
      assertThat(stats.evictions()).isGreaterThan(0);
    }
  }
}
