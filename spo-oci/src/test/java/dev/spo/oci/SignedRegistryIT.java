package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.KeySigner;
import dev.spo.oci.sign.SignatureException;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SigningKeyPair;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.SigningPushes;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.internal.CosignFormats;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing and verification against a real CNCF Distribution 2.8 registry (no referrers API, so
 * bundles go through the referrers tag schema): push and sign in one call, pull with verification
 * required, the main rejections, and {@code oci://} base profiles.
 */
@EnabledOnOs(OS.LINUX)
class SignedRegistryIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static RegistryClient client;
  private static OciProfiles oci;
  private static final KeySigner SIGNER = KeySigner.of(SigningKeyPair.generate());
  private static final TestSigstore SIGSTORE = new TestSigstore();

  @BeforeAll
  static void setUp() {
    client = REGISTRY.clientBuilder().build();
    oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterAll
  static void tearDown() {
    oci.close();
    client.close();
  }

  private static String ref(String repoAndTag) {
    return REGISTRY.host() + "/" + repoAndTag;
  }

  private static OciProfiles verifying(SignatureVerifier verifier) {
    return OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.require(verifier)).build();
  }

  private static CosignVerifier byKey(KeySigner signer) {
    return CosignVerifier.builder().publicKey(signer.publicKey()).build();
  }

  @Test
  void pushSignAndPullVerifiedInBothForms() {
    SeccompProfile p = TestProfiles.seccomp("signed", "read");
    SigningPushes.SignedPush signed =
        SigningPushes.pushAndSign(oci, ref("signed/both:v1"), PushRequest.of(p), SIGNER, SigningOptions.defaults());
    String digest = signed.push().digest();
    assertThat(signed.signature().published()).extracting(x -> x.tag())
        .containsExactlyInAnyOrder(digest.replace(':', '-'), digest.replace(':', '-') + ".sig");

    // What the registry stores is cosign's layout: the .sig manifest and the tag-schema index.
    OciRepository repo = oci.repository(ref("signed/both:v1"));
    ManifestContent sig = repo.manifest(CosignFormats.legacyTag(digest), 1 << 20).orElseThrow();
    assertThat(Manifests.parseManifest(Json.readObject(sig.bytes(), "sig"), "sig", OciLimits.DEFAULTS).layers())
        .singleElement()
        .satisfies(l -> assertThat(l.mediaType()).isEqualTo(CosignFormats.SIMPLESIGNING));
    ManifestContent index = repo.manifest(CosignFormats.referrersTag(digest), 1 << 20).orElseThrow();
    assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(Manifests.parseIndex(Json.readObject(index.bytes(), "idx"), "idx", OciLimits.DEFAULTS))
        .singleElement()
        .satisfies(d -> assertThat(d.artifactType()).isEqualTo(CosignFormats.BUNDLE_V03));

    try (OciProfiles v = verifying(byKey(SIGNER))) {
      PullResult r = v.pull(ref("signed/both:v1"));
      assertThat(r.profile()).isEqualTo(p);
      assertThat(r.verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
      assertThat(r.verification().scheme()).isEqualTo("sigstore-bundle"); // bundles are tried first, like cosign 3
    }
    // Legacy only still verifies.
    PushResult legacy = oci.push(ref("signed/legacy:v1"), PushRequest.of(TestProfiles.seccomp("l", "write")));
    SIGNER.sign(oci.repository(ref("signed/legacy:v1")), legacy.digest(), SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG));
    try (OciProfiles v = verifying(byKey(SIGNER))) {
      assertThat(v.pull(ref("signed/legacy:v1")).verification().scheme()).isEqualTo("cosign-legacy");
    }
  }

  @Test
  void theMissingReferrersApiIsAskedForOncePerClient() throws Exception {
    PushResult pushed = oci.push(ref("signed/probe:v1"), PushRequest.of(TestProfiles.seccomp("probe", "read")));
    SIGNER.sign(oci.repository(ref("signed/probe:v1")), pushed.digest(), SigningOptions.defaults());
    try (RegistryClient fresh = REGISTRY.clientBuilder().build();
        OciProfiles v = OciProfiles.builder().registryClient(fresh).signaturePolicy(SignaturePolicy.require(byKey(SIGNER))).build()) {
      long before = REGISTRY.countRequests("GET /v2/signed/probe/referrers/");
      for (int i = 0; i < 3; i++) {
        v.invalidateAll();
        assertThat(v.pull(ref("signed/probe:v1")).verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
      }
      // Distribution 2.8 has no referrers API: one 404, then the tag schema only.
      assertThat(REGISTRY.countRequests("GET /v2/signed/probe/referrers/") - before).isEqualTo(1);
    }
  }

  @Test
  void keylessSignaturesFromTheTestPkiVerify() {
    CosignVerifier keyless =
        CosignVerifier.builder().trustedRoot(SIGSTORE.trustedRoot()).identity(Identity.exact("ci@example.test", "https://oidc.example.test")).build();
    for (SignatureFormat format : SignatureFormat.values()) {
      String r = ref("keyless/" + format.name().toLowerCase(java.util.Locale.ROOT) + ":v1");
      PushResult pushed = oci.push(r, PushRequest.of(TestProfiles.seccomp("k", format.name())));
      SIGSTORE.signer("ci@example.test", "https://oidc.example.test").sign(oci.repository(r), pushed.digest(), SigningOptions.of(format));
      try (OciProfiles v = verifying(keyless)) {
        VerificationResult result = v.pull(r).verification();
        assertThat(result.signer()).isEqualTo("ci@example.test");
        assertThat(result.issuer()).isEqualTo("https://oidc.example.test");
      }
    }
  }

  @Test
  void rejectionsCarryAReasonPerCandidate() {
    PushResult unsigned = oci.push(ref("reject/unsigned:v1"), PushRequest.of(TestProfiles.seccomp("u", "read")));
    try (OciProfiles v = verifying(byKey(SIGNER))) {
      assertThatThrownBy(() -> v.pull(ref("reject/unsigned:v1")))
          .isInstanceOf(SignatureVerificationException.class)
          .hasMessageContaining("no signatures found")
          .hasMessageContaining(unsigned.digest());
    }

    KeySigner other = KeySigner.of(SigningKeyPair.generate());
    PushResult wrongKey = oci.push(ref("reject/wrongkey:v1"), PushRequest.of(TestProfiles.seccomp("w", "read")));
    other.sign(oci.repository(ref("reject/wrongkey:v1")), wrongKey.digest(), SigningOptions.defaults());
    assertThat(reasons(ref("reject/wrongkey:v1"))).hasSize(2).allSatisfy(r -> assertThat(r).contains("does not verify with any configured public key"));

    // Tampered: a signature layer whose payload was replaced (signature annotation kept).
    PushResult tampered = oci.push(ref("reject/tampered:v1"), PushRequest.of(TestProfiles.seccomp("t", "read")));
    OciRepository repo = oci.repository(ref("reject/tampered:v1"));
    PushResult donor = oci.push(ref("reject/tampered:donor"), PushRequest.of(TestProfiles.seccomp("d", "read")));
    SIGNER.sign(repo, donor.digest(), SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG));
    String sig = layers(repo, donor.digest()).get(0).annotations().get(CosignFormats.ANN_SIGNATURE);
    SignatureWriter.publishLegacy(
        repo, tampered.digest(), CosignFormats.simpleSigningPayload(repo.location(), tampered.digest(), null), Map.of(CosignFormats.ANN_SIGNATURE, sig));
    assertThat(reasons(ref("reject/tampered:v1"))).singleElement().satisfies(r -> assertThat(r).contains("does not verify"));

    // Another digest: the donor's valid signature layer copied under this digest's .sig tag.
    PushResult copied = oci.push(ref("reject/copied:v1"), PushRequest.of(TestProfiles.seccomp("c", "read")));
    Descriptor layer = layers(repo, donor.digest()).get(0);
    SignatureWriter.publishLegacy(
        oci.repository(ref("reject/copied:v1")), copied.digest(), repo.blob(layer.digest(), 1 << 20), layer.annotations());
    assertThat(reasons(ref("reject/copied:v1")))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("signed payload is for another digest (" + donor.digest() + ")"));
  }

  @Test
  void signingFailureAfterPushReportsThePushedDigest() {
    ArtifactSigner broken = (repository, digest, options) -> {
      throw new SignatureException("OIDC token expired");
    };
    Throwable t = catchThrowable(
        () -> SigningPushes.pushAndSign(oci, ref("broken/sign:v1"), PushRequest.of(TestProfiles.seccomp("b", "read")), broken, SigningOptions.defaults()));
    assertThat(t).isInstanceOf(SignatureException.class).hasMessageContaining("but signing it failed: OIDC token expired");
    String pushed = ((SignatureException) t).pushedReference();
    assertThat(pushed).startsWith(REGISTRY.host() + "/broken/sign@sha256:");
    // The artifact is there and can be signed later.
    String digest = pushed.substring(pushed.indexOf('@') + 1);
    SIGNER.sign(oci.repository(ref("broken/sign:v1")), digest, SigningOptions.defaults());
    try (OciProfiles v = verifying(byKey(SIGNER))) {
      assertThat(v.pull(ref("broken/sign:v1")).digest()).isEqualTo(digest);
    }
  }

  @Test
  void signedBaseProfilesResolveUnsignedOnesDoNot() {
    SeccompProfile base = TestProfiles.seccomp("base", "read");
    SigningPushes.pushAndSign(oci, ref("bases/signed:v1"), PushRequest.of(base), SIGNER, SigningOptions.defaults());
    oci.push(ref("bases/unsigned:v1"), PushRequest.of(base));
    try (OciProfiles v = verifying(byKey(SIGNER))) {
      OciBaseProfileResolver resolver = OciBaseProfileResolver.of(v);
      assertThat(resolver.resolve("oci://" + ref("bases/signed:v1"), "child").orElseThrow().profile()).isEqualTo(base);
      assertThatThrownBy(() -> resolver.resolve("oci://" + ref("bases/unsigned:v1"), "child"))
          .isInstanceOf(SignatureVerificationException.class)
          .hasMessageContaining("no signatures found");
    }
    // Explicit opt-out: resolves (and SignaturePolicy logs a WARN).
    assertThat(OciBaseProfileResolver.of(oci).resolve("oci://" + ref("bases/unsigned:v1"), "child")).isPresent();
  }

  private static List<String> reasons(String reference) {
    try (OciProfiles v = verifying(byKey(SIGNER))) {
      Throwable t = catchThrowable(() -> v.pull(reference));
      assertThat(t).isInstanceOf(SignatureVerificationException.class);
      return ((SignatureVerificationException) t).reasons();
    }
  }

  private static List<Descriptor> layers(OciRepository repo, String digest) {
    ManifestContent m = repo.manifest(CosignFormats.legacyTag(digest), 1 << 20).orElseThrow();
    return Manifests.parseManifest(Json.readObject(m.bytes(), "sig"), "sig", OciLimits.DEFAULTS).layers();
  }
}
