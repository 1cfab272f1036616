package dev.spo.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.oci.OciProfiles;
import dev.spo.oci.PullResult;
import dev.spo.oci.PushRequest;
import dev.spo.oci.PushResult;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.SignatureVerificationException;
import dev.spo.oci.VerificationResult;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.SigningPushes;
import dev.spo.oci.sign.TrustedRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link WithTestSigstore} next to {@link WithLocalRegistry}: keyless signing against a real registry. */
@EnabledOnOs(OS.LINUX)
@WithLocalRegistry
@WithTestSigstore
class TestSigstoreIT {
  private static Path trustedRootFile;

  private final LocalRegistry registry;
  private final TestSigstoreExtension sigstore;

  TestSigstoreIT(LocalRegistry registry, TestSigstoreExtension sigstore) {
    this.registry = registry;
    this.sigstore = sigstore;
    trustedRootFile = sigstore.trustedRootFile();
  }

  @AfterAll
  static void trustedRootFileIsStillThere() {
    assertThat(trustedRootFile).exists();
  }

  private OciProfiles verifying(String san, String issuer) {
    return OciProfiles.builder()
        .registryClient(registry.registryClient())
        .signaturePolicy(SignaturePolicy.require(sigstore.verifier(san, issuer)))
        .build();
  }

  @Test
  void signedProfilesPullVerified(OciProfiles oci) {
    String ref = registry.reference("signed/web:v1");
    PushResult pushed = oci.push(ref, PushRequest.of(TestSigstoreExtensionTest.PROFILE));
    sigstore.signer("ci@example.test", "https://token.actions.githubusercontent.com")
        .sign(oci.repository(ref), pushed.digest(), SigningOptions.defaults());

    try (OciProfiles v = verifying("ci@example.test", "https://token.actions.githubusercontent.com")) {
      PullResult pulled = v.pull(ref);
      assertThat(pulled.digest()).isEqualTo(pushed.digest());
      assertThat(pulled.profile()).isEqualTo(TestSigstoreExtensionTest.PROFILE);
      assertThat(pulled.verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
      assertThat(pulled.verification().signer()).isEqualTo("ci@example.test");
    }
    try (OciProfiles v = verifying("someone@example.test", "https://token.actions.githubusercontent.com")) {
      assertThatThrownBy(() -> v.pull(ref)).isInstanceOf(SignatureVerificationException.class);
    }
  }

  @Test
  void pushAndSignInOneCall(OciProfiles oci, TestSigstoreExtension injected) {
    assertThat(injected).isSameAs(sigstore);
    String ref = registry.reference("signed/one-call:v1");
    SigningPushes.pushAndSign(oci, ref, PushRequest.of(TestSigstoreExtensionTest.PROFILE), sigstore.signer(), SigningOptions.defaults());
    try (OciProfiles v = verifying(TestSigstoreExtension.SUBJECT, TestSigstoreExtension.ISSUER)) {
      assertThat(v.pull(ref).verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
    }
  }

  @Test
  void trustedRootFileParses() {
    TrustedRoot root = TrustedRoot.fromFile(sigstore.trustedRootFile());
    assertThat(root).isNotNull();
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheOuterPki(TestSigstoreExtension inner) {
      assertThat(inner.trustedRootFile()).isEqualTo(sigstore.trustedRootFile());
    }
  }
}
