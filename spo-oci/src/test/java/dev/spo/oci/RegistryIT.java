package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.compose.ResolvedProfile;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.internal.Digests;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.internal.RegistryTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Push and pull against a real CNCF Distribution registry (anonymous, plain HTTP on loopback). */
@EnabledOnOs(OS.LINUX)
class RegistryIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");
  private static final Platform ARMV7 = Platform.parse("linux/arm/v7");

  private static RegistryClient client;
  private static OciProfiles oci;

  @BeforeAll
  static void setUp() {
    client = REGISTRY.clientBuilder().build();
    oci =
        OciProfiles.builder()
            .registryClient(client)
            .signaturePolicy(SignaturePolicy.insecureSkipVerification())
            .build();
  }

  @AfterAll
  static void tearDown() {
    oci.close();
    client.close();
  }

  private static String ref(String repoAndTag) {
    return REGISTRY.host() + "/" + repoAndTag;
  }

  @Test
  void spoFormatRoundTripsForOneTwoAndThreePlatforms() {
    SeccompProfile any = TestProfiles.seccomp("one", "read");
    PushResult one = oci.push(ref("profiles/one:v1"), PushRequest.of(any));
    assertThat(oci.pull(ref("profiles/one:v1")).profile()).isEqualTo(any);
    assertThat(one.reference()).isEqualTo(REGISTRY.host() + "/profiles/one@" + one.digest());

    oci.push(
        ref("profiles/two:v1"),
        PushRequest.builder()
            .profile(AMD64, TestProfiles.seccomp("two", "amd"))
            .profile(ARM64, TestProfiles.seccomp("two", "arm64"))
            .build());
    assertThat(TestProfiles.allowed(oci.pull(ref("profiles/two:v1"), opts(AMD64)).profile())).containsExactly("amd");
    assertThat(TestProfiles.allowed(oci.pull(ref("profiles/two:v1"), opts(Platform.parse("linux/arm64/v8"))).profile()))
        .containsExactly("arm64");

    oci.push(
        ref("profiles/three:v1"),
        PushRequest.builder()
            .profile(AMD64, TestProfiles.seccomp("three", "amd"))
            .profile(ARM64, TestProfiles.seccomp("three", "arm64"))
            .profile(ARMV7, TestProfiles.seccomp("three", "arm"))
            .build());
    PullResult arm = oci.pull(ref("profiles/three:v1"), opts(Platform.parse("linux/arm")));
    assertThat(TestProfiles.allowed(arm.profile())).containsExactly("arm");
    assertThat(arm.platform()).isEqualTo(ARMV7);
    assertThatThrownBy(() -> oci.pull(ref("profiles/three:v1"), opts(Platform.parse("linux/riscv64"))))
        .isInstanceOfSatisfying(
            ArtifactException.class,
            e -> assertThat(e.availablePlatforms()).containsExactly("linux/amd64", "linux/arm/v7", "linux/arm64"));
  }

  @Test
  void runtimeFormatRoundTrip() {
    SeccompProfile p = TestProfiles.seccomp("x", "read", "close");
    oci.push(ref("base/runc:v1.2.0"), PushRequest.builder().format(ArtifactFormat.SECCOMP_RUNTIME).profile(p).build());
    PullResult r = oci.pull(ref("base/runc:v1.2.0"));
    assertThat(r.format()).isEqualTo(ArtifactFormat.SECCOMP_RUNTIME);
    assertThat(r.profile().name()).isEqualTo("runc");
    assertThat(((SeccompProfile) r.profile()).spec()).isEqualTo(p.spec());
  }

  @Test
  void digestReferencesAndReproducibleDigests() {
    SeccompProfile p = TestProfiles.seccomp("repro", "read");
    PushResult first = oci.push(ref("profiles/repro:a"), PushRequest.builder().profile(AMD64, p).build());
    PushResult second = oci.push(ref("profiles/repro:b"), PushRequest.builder().profile(AMD64, p).build());
    assertThat(second.digest()).isEqualTo(first.digest());
    PullResult byDigest = oci.pull("oci://" + REGISTRY.host() + "/profiles/repro@" + first.digest(), opts(AMD64));
    assertThat(byDigest.digest()).isEqualTo(first.digest());
    assertThat(byDigest.profile()).isEqualTo(p);
    assertThatThrownBy(() -> oci.pull(ref("profiles/repro@sha256:" + "0".repeat(64))))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND));
  }

  @Test
  void imageIndexSelectsTheManifestForThePlatform() {
    PushResult amd = oci.push(ref("profiles/indexed:amd64"), PushRequest.of(TestProfiles.seccomp("i", "amd")));
    PushResult arm = oci.push(ref("profiles/indexed:arm64"), PushRequest.of(TestProfiles.seccomp("i", "arm")));
    byte[] index =
        Manifests.writeIndex(
            List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, amd.digest(), amd.size(), null, Map.of(), AMD64),
                new Descriptor(MediaTypes.OCI_MANIFEST, arm.digest(), arm.size(), null, Map.of(), Platform.parse("linux/arm64/v8"))));
    String indexDigest = Digests.sha256(index);
    new RegistryTransport(client.http(), OciReference.parse(ref("profiles/indexed:multi")))
        .putManifest("multi", indexDigest, MediaTypes.OCI_INDEX, index);

    PullResult r = oci.pull(ref("profiles/indexed:multi"), opts(ARM64));
    assertThat(TestProfiles.allowed(r.profile())).containsExactly("arm");
    assertThat(r.digest()).isEqualTo(indexDigest);
    assertThat(r.manifestDigest()).isEqualTo(arm.digest());
    assertThat(r.platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
    assertThat(TestProfiles.allowed(oci.pull(ref("profiles/indexed:multi"), opts(AMD64)).profile())).containsExactly("amd");
    assertThatThrownBy(() -> oci.pull(ref("profiles/indexed:multi"), opts(Platform.parse("linux/s390x"))))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("available: linux/amd64, linux/arm64/v8");
  }

  @Test
  void baseProfileResolverRecordsTheDigest() {
    SeccompProfile base = TestProfiles.seccomp("base", "read");
    PushResult pushed = oci.push(ref("base/common:v1"), PushRequest.of(base));
    OciBaseProfileResolver resolver = OciBaseProfileResolver.of(oci);
    String reference = "oci://" + ref("base/common:v1");
    assertThat(resolver.supports(reference)).isTrue();
    assertThat(resolver.supports("OCI://" + ref("base/common:v1"))).isFalse();
    assertThat(resolver.supports("base-common")).isFalse();
    ResolvedProfile resolved = resolver.resolve(reference, "child").orElseThrow();
    assertThat(resolved.digest()).isEqualTo(pushed.digest());
    assertThat(resolved.origin()).isEqualTo("oci://" + REGISTRY.host() + "/base/common@" + pushed.digest());
    assertThat(resolved.profile()).isEqualTo(base);
    assertThat(resolver.resolve("oci://" + ref("base/missing:v1"), "child")).isEmpty();
  }

  @Test
  void layersAreStoredAsPushed() {
    SeccompProfile p = TestProfiles.seccomp("stored", "read");
    oci.push(ref("profiles/stored:v1"), PushRequest.builder().profile(AMD64, p).build());
    RegistryTransport t = new RegistryTransport(client.http(), OciReference.parse(ref("profiles/stored:v1")));
    ManifestContent m = t.manifest("v1", 1 << 20).orElseThrow();
    String json = new String(m.bytes(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"org.opencontainers.image.title\":\"profile-linux-amd64.yaml\"");
    assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void referrersFallBackToTheTagSchemaOnDistribution28() {
    String bundleType = "application/vnd.dev.sigstore.bundle.v0.3+json";
    PushResult subject = oci.push(ref("profiles/signed:v1"), PushRequest.of(TestProfiles.seccomp("s", "read")));
    RegistryTransport t = new RegistryTransport(client.http(), OciReference.parse(ref("profiles/signed:v1")));
    assertThat(t.referrers(subject.digest(), null, 1000, 4 << 20)).isEmpty();

    String referrer =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\""
            + bundleType
            + "\",\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\""
            + MediaTypes.EMPTY_DIGEST
            + "\",\"size\":2},\"layers\":[],\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + subject.digest()
            + "\",\"size\":"
            + subject.size()
            + "}}";
    byte[] referrerBytes = referrer.getBytes(StandardCharsets.UTF_8);
    String referrerDigest = Digests.sha256(referrerBytes);
    t.putManifest(null, referrerDigest, MediaTypes.OCI_MANIFEST, referrerBytes);
    byte[] index =
        Manifests.writeIndex(
            List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, referrerDigest, referrerBytes.length, bundleType, Map.of(), null),
                new Descriptor(MediaTypes.OCI_MANIFEST, subject.digest(), subject.size(), "application/vnd.other", Map.of(), null)));
    String fallbackTag = subject.digest().replace(':', '-');
    t.putManifest(fallbackTag, Digests.sha256(index), MediaTypes.OCI_INDEX, index);

    List<Descriptor> found = t.referrers(subject.digest(), bundleType, 1000, 4 << 20);
    assertThat(found).extracting(Descriptor::digest).containsExactly(referrerDigest);
    assertThat(t.referrers(subject.digest(), null, 1000, 4 << 20)).hasSize(2);
    assertThatThrownBy(() -> t.referrers(subject.digest(), null, 1, 4 << 20)).isInstanceOf(ArtifactException.class);

    // A fallback tag that resolves to the subject itself means "no referrers".
    PushResult other = oci.push(ref("profiles/signed:v2"), PushRequest.of(TestProfiles.seccomp("s", "write")));
    ManifestContent self = t.manifest("v2", 1 << 20).orElseThrow();
    t.putManifest(other.digest().replace(':', '-'), other.digest(), MediaTypes.OCI_MANIFEST, self.bytes());
    assertThat(t.referrers(other.digest(), null, 1000, 4 << 20)).isEmpty();
  }

  private static PullOptions opts(Platform p) {
    return PullOptions.defaults().withPlatform(p);
  }
}
