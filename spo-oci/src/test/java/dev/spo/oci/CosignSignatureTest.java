package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.oci.internal.Json;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.KeySigner;
import dev.spo.oci.sign.PublicKeys;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SignatureLimits;
import dev.spo.oci.sign.SignatureVerification;
import dev.spo.oci.sign.SignedArtifact;
import dev.spo.oci.sign.SigningKeyPair;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.TestSigstore.Fault;
import dev.spo.oci.sign.internal.CosignFormats;
import dev.spo.oci.sign.internal.Keys;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signing and verification end to end on the OCI layout store (no registry process): key-based
 * and keyless (test PKI) signatures in both cosign forms, and the rejection matrix, each asserted
 * with its reason.
 */
class CosignSignatureTest {
  private static final String SAN = "ci@example.test";
  private static final String ISSUER = "https://oidc.example.test";
  private static final SigningOptions LEGACY = SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG);
  private static final SigningOptions BUNDLE = SigningOptions.of(SignatureFormat.BUNDLE_REFERRER);

  @TempDir Path dir;
  private OciProfiles oci;
  private final TestSigstore sigstore = new TestSigstore();

  @BeforeEach
  void setUp() {
    oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterEach
  void tearDown() {
    oci.close();
  }

  private String ref(String tag) {
    return "oci-layout:" + dir + ":" + tag;
  }

  private PushResult push(String tag, String... allowed) {
    return oci.push(ref(tag), PushRequest.of(TestProfiles.seccomp("p", allowed)));
  }

  private PullResult pull(String tag, CosignVerifier verifier) {
    try (OciProfiles verifying = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(verifier)).build()) {
      return verifying.pull(ref(tag));
    }
  }

  private List<String> reasons(String tag, CosignVerifier verifier) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> pull(tag, verifier));
    assertThat(t).isInstanceOf(SignatureVerificationException.class);
    return ((SignatureVerificationException) t).reasons();
  }

  private CosignVerifier keyless() {
    return CosignVerifier.builder().trustedRoot(sigstore.trustedRoot()).identity(Identity.exact(SAN, ISSUER)).build();
  }

  private static CosignVerifier withKey(KeySigner signer) {
    return CosignVerifier.builder().publicKey(signer.publicKey()).build();
  }

  // ------------------------------------------------------------------ key-based

  @Test
  void keySignedLegacyAndBundleVerify() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("legacy", "read");
    signer.sign(oci.repository(ref("legacy")), a.digest(), LEGACY);
    PullResult pulled = pull("legacy", withKey(signer));
    assertThat(pulled.verification().scheme()).isEqualTo("cosign-legacy");
    assertThat(pulled.verification().signer()).isEqualTo(PublicKeys.fingerprint(signer.publicKey()));

    PushResult b = push("bundle", "write");
    SignedArtifact signed = signer.sign(oci.repository(ref("bundle")), b.digest(), BUNDLE);
    assertThat(signed.published()).singleElement().satisfies(p -> assertThat(p.tag()).isEqualTo(b.digest().replace(':', '-')));
    assertThat(pull("bundle", withKey(signer)).verification().scheme()).isEqualTo("sigstore-bundle");
  }

  @Test
  void unsignedArtifactIsRefused() {
    push("unsigned", "read");
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    assertThatThrownBy(() -> pull("unsigned", withKey(signer)))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageContaining("no signatures found");
  }

  @Test
  void wrongKeyIsRefusedWithAReasonPerCandidate() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    KeySigner other = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    signer.sign(oci.repository(ref("v1")), a.digest(), SigningOptions.defaults());
    assertThat(reasons("v1", withKey(other)))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).contains("does not verify with any configured public key"));
  }

  @Test
  void tamperedPayloadIsRefused() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    OciRepository repo = oci.repository(ref("v1"));
    signer.sign(repo, a.digest(), LEGACY);
    // Replace the signature manifest's layer: same signature annotation, different payload.
    byte[] payload = CosignFormats.simpleSigningPayload("evil.example/x", a.digest(), null);
    String sig = legacyLayers(repo, a.digest()).get(0).annotations().get(CosignFormats.ANN_SIGNATURE);
    deleteLegacyTag(repo, a.digest());
    SignatureWriter.publishLegacy(repo, a.digest(), payload, Map.of(CosignFormats.ANN_SIGNATURE, sig));
    assertThat(reasons("v1", withKey(signer))).singleElement().satisfies(r -> assertThat(r).contains("does not verify"));
  }

  @Test
  void signatureForAnotherDigestIsRefused() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult signedOne = push("signed", "read");
    PushResult target = push("target", "write");
    OciRepository repo = oci.repository(ref("signed"));
    signer.sign(repo, signedOne.digest(), LEGACY);
    Descriptor layer = legacyLayers(repo, signedOne.digest()).get(0);
    // Copy the valid signature layer (payload names signedOne) under target's .sig tag.
    SignatureWriter.publishLegacy(repo, target.digest(), repo.blob(layer.digest(), 1 << 20), layer.annotations());
    assertThat(reasons("target", withKey(signer)))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("signed payload is for another digest (" + signedOne.digest() + ")"));
  }

  @Test
  void bundleForAnotherDigestIsRefused() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult signedOne = push("signed", "read");
    PushResult target = push("target", "write");
    OciRepository repo = oci.repository(ref("signed"));
    SignedArtifact s = signer.sign(repo, signedOne.digest(), BUNDLE);
    byte[] bundle = bundleOf(repo, s.published().get(0).manifestDigest());
    ManifestContent t = repo.manifest(target.digest(), 1 << 20).orElseThrow();
    SignatureWriter.publishBundle(repo, Descriptor.of(t.mediaType(), target.digest(), t.size()), bundle);
    assertThat(reasons("target", withKey(signer)))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("statement subject does not name " + target.digest()));
  }

  @Test
  void tagMovedAfterSigningIsRefused() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult first = push("v1", "read");
    signer.sign(oci.repository(ref("v1")), first.digest(), SigningOptions.defaults());
    assertThat(pull("v1", withKey(signer)).digest()).isEqualTo(first.digest());
    push("v1", "read", "ptrace");
    assertThatThrownBy(() -> pull("v1", withKey(signer)))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageContaining("no signatures found");
  }

  @Test
  void signaturesAreMergedAndEachRejectionIsReported() {
    KeySigner alice = KeySigner.of(SigningKeyPair.generate());
    KeySigner bob = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    OciRepository repo = oci.repository(ref("v1"));
    alice.sign(repo, a.digest(), LEGACY);
    bob.sign(repo, a.digest(), LEGACY);
    bob.sign(repo, a.digest(), LEGACY); // a new ECDSA signature: a third layer
    assertThat(legacyLayers(repo, a.digest())).hasSize(3);
    VerificationResult r = pull("v1", withKey(bob)).verification();
    assertThat(r.signer()).isEqualTo(PublicKeys.fingerprint(bob.publicKey()));
    assertThat(r.details()).anySatisfy(d -> assertThat(d).startsWith("rejected: ").contains("layer 0"));
  }

  @Test
  void dockerReferencePolicy() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    signer.sign(oci.repository(ref("v1")), a.digest(), LEGACY.withDockerReference("registry.example/profiles/p"));
    pull("v1", CosignVerifier.builder().publicKey(signer.publicKey()).dockerReference("registry.example/profiles/p").build());
    assertThat(reasons("v1", CosignVerifier.builder().publicKey(signer.publicKey()).dockerReference("other.example/p").build()))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("docker-reference registry.example/profiles/p is not other.example/p"));
  }

  @Test
  void tooManyAndTooLargeSignaturesAreBounded() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    KeySigner other = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    OciRepository repo = oci.repository(ref("v1"));
    other.sign(repo, a.digest(), LEGACY);
    other.sign(repo, a.digest(), LEGACY);
    signer.sign(repo, a.digest(), LEGACY);
    CosignVerifier two = CosignVerifier.builder().publicKey(signer.publicKey()).limits(new SignatureLimits(2, 1000, 1 << 20, 4 << 20)).build();
    assertThat(reasons("v1", two)).anySatisfy(r -> assertThat(r).contains("layer 2: skipped: more than 2 signature candidates"));
    CosignVerifier tiny = CosignVerifier.builder().publicKey(signer.publicKey()).limits(new SignatureLimits(16, 1000, 10, 4 << 20)).build();
    assertThat(reasons("v1", tiny)).hasSize(3).allSatisfy(r -> assertThat(r).contains("exceeds the limit of 10"));
  }

  @Test
  void oversizedSignatureManifestsAndReferrerIndexesAreRefused() {
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    PushResult a = push("v1", "read");
    OciRepository repo = oci.repository(ref("v1"));
    signer.sign(repo, a.digest(), BUNDLE);
    signer.sign(repo, a.digest(), BUNDLE); // a second referrer (ECDSA signatures differ)
    signer.sign(repo, a.digest(), LEGACY);
    CosignVerifier oneReferrer =
        CosignVerifier.builder().publicKey(signer.publicKey()).limits(new SignatureLimits(16, 1, 1 << 20, 4 << 20)).build();
    // The referrers index is refused as a whole; the legacy signature still verifies.
    VerificationResult r = pull("v1", oneReferrer).verification();
    assertThat(r.scheme()).isEqualTo("cosign-legacy");
    assertThat(r.details()).anySatisfy(d -> assertThat(d).contains("unreadable referrers index").contains("more than the limit of 1"));
    CosignVerifier tinyManifests =
        CosignVerifier.builder().publicKey(signer.publicKey()).limits(new SignatureLimits(16, 1000, 1 << 20, 64)).build();
    assertThat(reasons("v1", tinyManifests))
        .hasSize(2)
        .allSatisfy(x -> assertThat(x).containsAnyOf("unreadable referrers index", "unreadable signature manifest"));
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA", "Ed25519"})
  void rsaAndEd25519PublicKeysVerify(KeyType type) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(type.name());
    if (type == KeyType.RSA) {
      g.initialize(2048);
    }
    KeyPair kp = g.generateKeyPair();
    PushResult a = push("v1", "read");
    SignatureWriter.publish(oci.repository(ref("v1")), a.digest(), SigningOptions.defaults(), new JcaBackend(kp, type.algorithm));
    CosignVerifier v =
        CosignVerifier.builder().publicKey(PublicKeys.fromPem(Keys.toPem("PUBLIC KEY", kp.getPublic().getEncoded()))).build();
    assertThat(pull("v1", v).verification().signer()).isEqualTo(PublicKeys.fingerprint(kp.getPublic()));
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void keySignaturesCanBeRequiredToBeInTheTransparencyLog(SignatureFormat format) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    PushResult a = push("logged", "read", format.name());
    sigstore.loggedKeySigner(kp).sign(oci.repository(ref("logged")), a.digest(), SigningOptions.of(format));
    CosignVerifier logged = CosignVerifier.builder().publicKey(kp.getPublic()).transparencyLogForKeys(sigstore.trustedRoot()).build();
    VerificationResult r = pull("logged", logged).verification();
    assertThat(r.signer()).isEqualTo(PublicKeys.fingerprint(kp.getPublic()));
    assertThat(r.details()).anySatisfy(d -> assertThat(d).startsWith("signedAt="));

    KeySigner unlogged = KeySigner.of(SigningKeyPair.generate());
    PushResult b = push("unlogged", "write", format.name());
    unlogged.sign(oci.repository(ref("unlogged")), b.digest(), SigningOptions.of(format));
    CosignVerifier strict = CosignVerifier.builder().publicKey(unlogged.publicKey()).transparencyLogForKeys(sigstore.trustedRoot()).build();
    assertThat(reasons("unlogged", strict)).singleElement().satisfies(x -> assertThat(x).contains("no transparency log"));

    PushResult c = push("badset", "ptrace", format.name());
    sigstore.loggedKeySigner(kp, Fault.BAD_SET).sign(oci.repository(ref("badset")), c.digest(), SigningOptions.of(format));
    assertThat(reasons("badset", logged)).singleElement().satisfies(x -> assertThat(x).containsAnyOf("invalid SET", "transparency log entry invalid"));
  }

  enum KeyType {
    RSA("SHA256withRSA"),
    Ed25519("Ed25519");

    final String algorithm;

    KeyType(String algorithm) {
      this.algorithm = algorithm;
    }
  }

  /** A key signer for key types KeySigner does not produce (cosign can verify them). */
  private record JcaBackend(KeyPair kp, String algorithm) implements SignatureWriter.Backend {
    @Override
    public String signer() {
      return PublicKeys.fingerprint(kp.getPublic());
    }

    @Override
    public byte[] sign(byte[] data) {
      try {
        PrivateKey k = kp.getPrivate();
        Signature s = Signature.getInstance(algorithm);
        s.initSign(k);
        s.update(data);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Map<String, String> legacyAnnotations(byte[] payload, byte[] signature) {
      return Map.of();
    }

    @Override
    public Map<String, Object> bundleMaterial(byte[] statement, byte[] signature) {
      return Map.of("publicKey", Map.of("hint", ""), "tlogEntries", List.of());
    }
  }

  // ------------------------------------------------------------------ keyless (test PKI)

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void keylessSignatureVerifiesWithIdentityAndLogTime(SignatureFormat format) {
    PushResult a = push("v1", "read");
    sigstore.signer(SAN, ISSUER).sign(oci.repository(ref("v1")), a.digest(), SigningOptions.of(format));
    VerificationResult r = pull("v1", keyless()).verification();
    assertThat(r.signer()).isEqualTo(SAN);
    assertThat(r.issuer()).isEqualTo(ISSUER);
    assertThat(r.scheme()).isEqualTo(format == SignatureFormat.LEGACY_SIG_TAG ? "cosign-legacy" : "sigstore-bundle");
    assertThat(r.details()).anySatisfy(d -> assertThat(d).startsWith("signedAt="));
    CosignVerifier regex =
        CosignVerifier.builder().trustedRoot(sigstore.trustedRoot()).identity(Identity.regex(".*@example\\.test", "https://oidc\\..*")).build();
    assertThat(pull("v1", regex).verification().signer()).isEqualTo(SAN);
  }

  @Test
  void keylessDetailedResultNamesSignerTimeAndSource() {
    PushResult a = push("v1", "read");
    sigstore.signer("https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main", ISSUER)
        .sign(oci.repository(ref("v1")), a.digest(), BUNDLE);
    CosignVerifier v =
        CosignVerifier.builder()
            .trustedRoot(sigstore.trustedRoot())
            .identity(Identity.regex("https://github\\.com/org/repo/.*", ISSUER.replace(".", "\\.")))
            .build();
    OciRepository repo = oci.repository(ref("v1"));
    SignatureSubject subject = new SignatureSubject(ref("v1"), repo.location(), null, a.digest(), MediaTypes.OCI_MANIFEST);
    SignatureVerification d = v.verifyDetailed(subject, repo);
    assertThat(d.keyless()).isTrue();
    assertThat(d.signedAt()).isNotNull();
    assertThat(d.source()).startsWith(repo.location() + "@sha256:");
    assertThat(d.rejected()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void wrongIdentityAndWrongIssuerAreRefused(SignatureFormat format) {
    PushResult a = push("v1", "read");
    sigstore.signer("mallory@example.test", ISSUER).sign(oci.repository(ref("v1")), a.digest(), SigningOptions.of(format));
    assertThat(reasons("v1", keyless())).singleElement().satisfies(r -> assertThat(r).contains("signer mallory@example.test").contains("is not an accepted identity"));
    PushResult b = push("v2", "write");
    sigstore.signer(SAN, "https://evil.example").sign(oci.repository(ref("v2")), b.digest(), SigningOptions.of(format));
    assertThat(reasons("v2", keyless())).singleElement().satisfies(r -> assertThat(r).contains("(issuer https://evil.example) is not an accepted identity"));
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void expiredAtLogTimeIsRefused(SignatureFormat format) {
    assertFault(format, Fault.EXPIRED_AT_LOG_TIME, "certificate was not valid at the log's integrated time");
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void untrustedCaIsRefused(SignatureFormat format) {
    assertFault(format, Fault.UNTRUSTED_CA, "certificate not trusted: Certificate was not verifiable against CAs");
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void missingSctIsRefused(SignatureFormat format) {
    assertFault(format, Fault.NO_SCT, "certificate not trusted: No valid SCTs");
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void sctFromAnUnknownCtLogIsRefused(SignatureFormat format) {
    assertFault(format, Fault.UNKNOWN_CT_LOG, "certificate not trusted: No valid SCTs");
  }

  @Test
  void invalidSetIsRefused() {
    assertFault(SignatureFormat.LEGACY_SIG_TAG, Fault.BAD_SET, "invalid SET");
    assertFault(SignatureFormat.BUNDLE_REFERRER, Fault.BAD_SET, "transparency log entry invalid");
  }

  @Test
  void invalidInclusionProofIsRefused() {
    assertFault(SignatureFormat.BUNDLE_REFERRER, Fault.BAD_PROOF, "transparency log entry invalid");
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void logEntryForAnotherSignatureIsRefused(SignatureFormat format) {
    assertFault(format, Fault.BODY_MISMATCH, "log entry records another signature");
  }

  @ParameterizedTest
  @EnumSource(SignatureFormat.class)
  void rootWithoutCtLogsNeedsNoSctButStillAChain(SignatureFormat format) {
    CosignVerifier noCt =
        CosignVerifier.builder()
            .trustedRoot(dev.spo.oci.sign.TrustedRoot.fromJson(sigstore.trustedRootJson(false)))
            .identity(Identity.exact(SAN, ISSUER))
            .build();
    PushResult a = push("noct", "read", format.name());
    sigstore.signer(SAN, ISSUER, Fault.NO_SCT).sign(oci.repository(ref("noct")), a.digest(), SigningOptions.of(format));
    assertThat(pull("noct", noCt).verification().signer()).isEqualTo(SAN);
    PushResult b = push("noct-rogue", "write", format.name());
    sigstore.signer(SAN, ISSUER, Fault.UNTRUSTED_CA).sign(oci.repository(ref("noct-rogue")), b.digest(), SigningOptions.of(format));
    assertThat(reasons("noct-rogue", noCt)).singleElement().satisfies(r -> assertThat(r).contains("does not chain to a trusted CA"));
  }

  @Test
  void keylessNeedsAnExplicitIdentity() {
    assertThatThrownBy(() -> CosignVerifier.builder().trustedRoot(sigstore.trustedRoot()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Identity.regex");
  }

  @Test
  void keylessSignatureWithOnlyAKeyConfiguredIsRefused() {
    PushResult a = push("v1", "read");
    sigstore.signer(SAN, ISSUER).sign(oci.repository(ref("v1")), a.digest(), LEGACY);
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    assertThat(reasons("v1", withKey(signer))).singleElement().satisfies(r -> assertThat(r).contains("no trusted root is configured"));
  }

  private void assertFault(SignatureFormat format, Fault fault, String reason) {
    String tag = "f" + fault.ordinal() + format.ordinal();
    PushResult a = push(tag, "read", tag);
    sigstore.signer(SAN, ISSUER, fault).sign(oci.repository(ref(tag)), a.digest(), SigningOptions.of(format));
    assertThat(reasons(tag, keyless())).singleElement().satisfies(r -> assertThat(r).contains(reason));
  }

  // ------------------------------------------------------------------ helpers

  private static List<Descriptor> legacyLayers(OciRepository repo, String digest) {
    ManifestContent m = repo.manifest(CosignFormats.legacyTag(digest), 1 << 20).orElseThrow();
    return dev.spo.oci.internal.Manifests.parseManifest(Json.readObject(m.bytes(), "sig"), "sig", OciLimits.DEFAULTS).layers();
  }

  private static byte[] bundleOf(OciRepository repo, String referrerDigest) {
    ManifestContent m = repo.manifest(referrerDigest, 1 << 20).orElseThrow();
    Descriptor layer =
        dev.spo.oci.internal.Manifests.parseManifest(Json.readObject(m.bytes(), "ref"), "ref", OciLimits.DEFAULTS).layers().get(0);
    return repo.blob(layer.digest(), 1 << 20);
  }

  /** Overwrites the .sig tag with an empty signature manifest, so the next publish starts afresh. */
  private static void deleteLegacyTag(OciRepository repo, String digest) {
    byte[] empty = dev.spo.oci.internal.Manifests.writeManifest(null, Descriptor.of(MediaTypes.OCI_EMPTY, MediaTypes.EMPTY_DIGEST, 2), List.of(), Map.of());
    repo.putBlob(MediaTypes.EMPTY_DIGEST, MediaTypes.OCI_EMPTY, "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    repo.putManifest(CosignFormats.legacyTag(digest), dev.spo.oci.internal.Digests.sha256(empty), MediaTypes.OCI_MANIFEST, empty);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
