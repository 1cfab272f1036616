package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.internal.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutStoreTest {
  @TempDir Path dir;

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");
  private static final Platform ARMV7 = Platform.parse("linux/arm/v7");

  private OciProfiles unverified() {
    return OciProfiles.builder().signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  private String ref(String tag) {
    return "oci-layout:" + dir + ":" + tag;
  }

  @Test
  void platformIndependentRoundTrip() throws Exception {
    try (OciProfiles oci = unverified()) {
      SeccompProfile p = TestProfiles.seccomp("nginx", "read", "write");
      PushResult pushed = oci.push(ref("v1"), PushRequest.of(p));
      assertThat(Files.readString(dir.resolve("oci-layout"))).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
      assertThat(Files.readString(dir.resolve("index.json"))).contains("\"org.opencontainers.image.ref.name\":\"v1\"");

      PullResult pulled = oci.pull(ref("v1"), PullOptions.defaults().withPlatform(ARM64));
      assertThat(pulled.profile()).isEqualTo(p);
      assertThat(pulled.digest()).isEqualTo(pushed.digest()).isEqualTo(pulled.manifestDigest());
      assertThat(pulled.platform()).isNull();
      assertThat(pulled.format()).isEqualTo(ArtifactFormat.SPO);
      assertThat(pulled.verification().status()).isEqualTo(VerificationResult.Status.SKIPPED);

      PullResult byDigest = oci.pull("oci-layout:" + dir + "@" + pushed.digest());
      assertThat(byDigest.profile()).isEqualTo(p);
    }
  }

  @Test
  void manifestIsExactlyWhatSpocWrites() throws Exception {
    try (OciProfiles oci = unverified()) {
      SeccompProfile p = TestProfiles.seccomp("nginx", "read");
      PushResult pushed =
          oci.push(ref("v1"), PushRequest.builder().profile(AMD64, p).annotation("team", "web").build());
      byte[] manifest = Files.readAllBytes(dir.resolve("blobs/sha256/" + Digests.hex(pushed.digest())));
      byte[] yaml = ProfileCodec.defaults().toYaml(p).getBytes(StandardCharsets.UTF_8);
      String expected =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
              + "\"artifactType\":\"application/vnd.unknown.config.v1+json\","
              + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + MediaTypes.EMPTY_DIGEST + "\",\"size\":2},"
              + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + Digests.sha256(yaml)
              + "\",\"size\":" + yaml.length + ",\"annotations\":{\"org.opencontainers.image.title\":\"profile-linux-amd64.yaml\"},"
              + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}],"
              + "\"annotations\":{\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\",\"team\":\"web\"}}";
      assertThat(new String(manifest, StandardCharsets.UTF_8)).isEqualTo(expected);
      assertThat(pushed.digest()).isEqualTo(Digests.sha256(manifest));
      assertThat(Files.readAllBytes(dir.resolve("blobs/sha256/" + Digests.hex(MediaTypes.EMPTY_DIGEST)))).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void reproducibleDigests() {
    SeccompProfile a = TestProfiles.seccomp("a", "read");
    SeccompProfile b = TestProfiles.seccomp("b", "write");
    try (OciProfiles oci = unverified()) {
      String d1 = oci.push(ref("x"), PushRequest.builder().profile(AMD64, a).profile(ARM64, b).build()).digest();
      String d2 = oci.push(ref("y"), PushRequest.builder().profile(ARM64, b).profile(AMD64, a).build()).digest();
      assertThat(d2).isEqualTo(d1);
      String d3 =
          oci.push(ref("z"), PushRequest.builder().profile(AMD64, a).profile(ARM64, b).created(Instant.ofEpochSecond(1)).build())
              .digest();
      assertThat(d3).isNotEqualTo(d1);
    }
    try (OciProfiles oci =
        OciProfiles.builder()
            .signaturePolicy(SignaturePolicy.insecureSkipVerification())
            .environment(k -> k.equals("SOURCE_DATE_EPOCH") ? "1" : null)
            .build()) {
      String d4 = oci.push(ref("w"), PushRequest.builder().profile(AMD64, a).profile(ARM64, b).build()).digest();
      String d3 =
          oci.push(ref("z"), PushRequest.builder().profile(AMD64, a).profile(ARM64, b).created(Instant.ofEpochSecond(1)).build())
              .digest();
      assertThat(d4).isEqualTo(d3);
    }
  }

  @Test
  void selectsThePlatformLayerOfTwoAndThree() {
    try (OciProfiles oci = unverified()) {
      oci.push(
          ref("multi"),
          PushRequest.builder()
              .profile(AMD64, TestProfiles.seccomp("p", "amd64call"))
              .profile(ARM64, TestProfiles.seccomp("p", "arm64call"))
              .profile(ARMV7, TestProfiles.seccomp("p", "armcall"))
              .build());
      assertThat(TestProfiles.allowed(oci.pull(ref("multi"), opts(AMD64)).profile())).containsExactly("amd64call");
      PullResult arm64 = oci.pull(ref("multi"), opts(Platform.parse("linux/arm64/v8")));
      assertThat(TestProfiles.allowed(arm64.profile())).containsExactly("arm64call");
      assertThat(arm64.platform()).isEqualTo(ARM64);
      assertThat(TestProfiles.allowed(oci.pull(ref("multi"), opts(Platform.parse("linux/arm"))).profile()))
          .containsExactly("armcall");
      assertThatThrownBy(() -> oci.pull(ref("multi"), opts(Platform.parse("linux/s390x"))))
          .isInstanceOfSatisfying(
              ArtifactException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(ArtifactException.Reason.NO_MATCHING_PLATFORM);
                assertThat(e.availablePlatforms()).containsExactly("linux/amd64", "linux/arm/v7", "linux/arm64");
                assertThat(e.getMessage()).contains("linux/s390x").contains("available: linux/amd64, linux/arm/v7, linux/arm64");
              });
    }
  }

  @Test
  void platformLayerWithFallback() {
    try (OciProfiles oci = unverified()) {
      oci.push(
          ref("fb"),
          PushRequest.builder()
              .profile(AMD64, TestProfiles.seccomp("p", "amd64call"))
              .profile(TestProfiles.seccomp("p", "anycall"))
              .build());
      assertThat(TestProfiles.allowed(oci.pull(ref("fb"), opts(AMD64)).profile())).containsExactly("amd64call");
      assertThat(TestProfiles.allowed(oci.pull(ref("fb"), opts(ARM64)).profile())).containsExactly("anycall");
    }
  }

  @Test
  void runtimeFormatBecomesSeccompProfileNamedAfterTheStore() throws Exception {
    Path store = dir.resolve("Base_Runc");
    try (OciProfiles oci = unverified()) {
      SeccompProfile p = TestProfiles.seccomp("ignored", "read");
      PushResult pushed =
          oci.push("oci-layout:" + store + ":v1", PushRequest.builder().format(ArtifactFormat.SECCOMP_RUNTIME).profile(p).build());
      String manifest = Files.readString(store.resolve("blobs/sha256/" + Digests.hex(pushed.digest())));
      assertThat(manifest)
          .contains("\"artifactType\":\"application/vnd.cncf.seccomp-profile.config.v1+json\"")
          .contains("\"config\":{\"mediaType\":\"application/vnd.cncf.seccomp-profile.config.v1+json\"")
          .contains("\"mediaType\":\"application/json\"");
      PullResult pulled = oci.pull("oci-layout:" + store + ":v1", opts(ARM64));
      assertThat(pulled.format()).isEqualTo(ArtifactFormat.SECCOMP_RUNTIME);
      assertThat(pulled.profile().name()).isEqualTo("base-runc");
      assertThat(((SeccompProfile) pulled.profile()).spec()).isEqualTo(p.spec());
    }
  }

  @Test
  void invalidPushRequests() {
    try (OciProfiles oci = unverified()) {
      SeccompProfile p = TestProfiles.seccomp("p", "read");
      assertThatThrownBy(() -> oci.push(ref("x"), PushRequest.builder().profile(AMD64, p).profile(Platform.parse("linux/amd64/v1"), p).build()))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("same platform");
      assertThatThrownBy(
              () -> oci.push(ref("x"), PushRequest.builder().format(ArtifactFormat.SECCOMP_RUNTIME).profile(AMD64, p).build()))
          .isInstanceOf(ArtifactException.class);
      assertThatThrownBy(() -> oci.push("oci-layout:" + dir + "@" + MediaTypes.EMPTY_DIGEST, PushRequest.of(p)))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("tag");
    }
  }

  @Test
  void tamperedBlobIsRejected() throws Exception {
    try (OciProfiles oci = unverified()) {
      oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "read")));
      PullResult ok = oci.pull(ref("v1"));
      Path layer = dir.resolve("blobs/sha256/" + Digests.hex(ok.layerDigest()));
      Files.writeString(layer, Files.readString(layer).replace("read", "ptrace"));
      assertThatThrownBy(() -> oci.pull(ref("v1")))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.DIGEST_MISMATCH));
    }
  }

  @Test
  void sizeLimitsApplyBeforeReading() {
    try (OciProfiles oci = unverified()) {
      oci.push(ref("big"), PushRequest.of(TestProfiles.large("big", 400)));
      assertThat(oci.pull(ref("big")).profile().name()).isEqualTo("big");
      assertThatThrownBy(() -> oci.pull(ref("big"), PullOptions.defaults().withLimits(new OciLimits(1024, 4 << 20, 128))))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.TOO_LARGE));
      assertThatThrownBy(() -> oci.pull(ref("big"), PullOptions.defaults().withLimits(new OciLimits(1 << 20, 100, 128))))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.TOO_LARGE));
    }
  }

  @Test
  void missingTagIsNotFound() {
    try (OciProfiles oci = unverified()) {
      assertThatThrownBy(() -> oci.pull(ref("nope")))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND));
    }
  }

  @Test
  void unconfiguredSignaturePolicyRefusesAndExplains() {
    try (OciProfiles oci = unverified()) {
      oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "read")));
    }
    try (OciProfiles oci = OciProfiles.builder().build()) {
      assertThatThrownBy(() -> oci.pull(ref("v1")))
          .isInstanceOf(SignatureVerificationException.class)
          .hasMessageContaining("SignaturePolicy.require(")
          .hasMessageContaining("SignaturePolicy.insecureSkipVerification()");
    }
  }

  @Test
  void verifierSeesThePinnedDigestBeforeAnyLayerIsRead() {
    String digest;
    try (OciProfiles oci = unverified()) {
      digest = oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "read"))).digest();
    }
    AtomicReference<SignatureSubject> seen = new AtomicReference<>();
    List<String> readsDuringVerify = new ArrayList<>();
    SignatureVerifier verifier =
        (subject, content) -> {
          seen.set(subject);
          readsDuringVerify.add(content.manifest(subject.digest(), 1 << 20).orElseThrow().digest());
          return VerificationResult.verified(subject.digest(), "test-signer", null, "test");
        };
    try (OciProfiles oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(verifier)).build()) {
      PullResult r = oci.pull(ref("v1"));
      assertThat(r.verification().signer()).isEqualTo("test-signer");
      assertThat(seen.get().digest()).isEqualTo(digest);
      assertThat(seen.get().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(seen.get().location()).isEqualTo("oci-layout:" + dir.toAbsolutePath().normalize());
      assertThat(readsDuringVerify).containsExactly(digest);
    }
    SignatureVerifier rejecting =
        (subject, content) -> {
          throw new SignatureVerificationException(subject.reference(), subject.digest(), "no signatures found", List.of("unsigned"));
        };
    try (OciProfiles oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(rejecting)).build()) {
      assertThatThrownBy(() -> oci.pull(ref("v1"))).isInstanceOf(SignatureVerificationException.class).hasMessageContaining("unsigned");
    }
    SignatureVerifier wrongDigest = (subject, content) -> VerificationResult.verified("sha256:" + "0".repeat(64), "x", null, "t");
    try (OciProfiles oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(wrongDigest)).build()) {
      assertThatThrownBy(() -> oci.pull(ref("v1"))).isInstanceOf(SignatureVerificationException.class);
    }
  }

  @Test
  void retaggingReplacesTheIndexEntry() throws Exception {
    try (OciProfiles oci = unverified()) {
      oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "read")));
      oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "write")));
      oci.push(ref("v2"), PushRequest.of(TestProfiles.seccomp("p", "read")));
      Profile p = oci.pull(ref("v1")).profile();
      assertThat(TestProfiles.allowed(p)).containsExactly("write");
      String index = Files.readString(dir.resolve("index.json"));
      assertThat(index.split("ref.name", -1)).hasSize(3);
      assertThat(Map.of("k", index)).isNotEmpty();
    }
  }

  @Test
  void layoutReferrersUseTheTagSchema() {
    String digest;
    try (OciProfiles oci = unverified()) {
      digest = oci.push(ref("v1"), PushRequest.of(TestProfiles.seccomp("p", "read"))).digest();
    }
    var layout = new dev.spo.oci.internal.LayoutTransport(dir);
    assertThat(layout.referrers(digest, null, 10, 1 << 20)).isEmpty();
    byte[] index =
        dev.spo.oci.internal.Manifests.writeIndex(
            List.of(new Descriptor(MediaTypes.OCI_MANIFEST, MediaTypes.EMPTY_DIGEST, 2, "application/x-sig", Map.of(), null)));
    layout.putManifest(digest.replace(':', '-'), Digests.sha256(index), MediaTypes.OCI_INDEX, index);
    assertThat(layout.referrers(digest, "application/x-sig", 10, 1 << 20)).hasSize(1);
    assertThat(layout.referrers(digest, "application/other", 10, 1 << 20)).isEmpty();
  }

  private static PullOptions opts(Platform p) {
    return PullOptions.defaults().withPlatform(p);
  }
}
