package dev.spo.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.PullResult;
import dev.spo.oci.PushRequest;
import dev.spo.oci.PushResult;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.SignatureVerificationException;
import dev.spo.oci.VerificationResult;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.TrustedRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link TestSigstoreExtension} on a static field, signing profiles in an OCI layout directory. */
class TestSigstoreExtensionTest {
  @RegisterExtension static final TestSigstoreExtension SIGSTORE = TestSigstoreExtension.create();

  static final SeccompProfile PROFILE = SeccompProfile.of("web", SeccompSpec.builder()
      .defaultAction(SeccompAction.ERRNO)
      .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write"))
      .build());

  private static OciProfiles oci;
  private static Path trustedRootFile;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterAll
  static void tearDown() {
    oci.close();
    // afterAll of the extension runs after this method: the file is still there.
    assertThat(trustedRootFile).exists();
  }

  private String ref(String tag) {
    return "oci-layout:" + dir + ":" + tag;
  }

  private static PullResult pull(String reference, CosignVerifier verifier) {
    try (OciProfiles verifying = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(verifier)).build()) {
      return verifying.pull(reference);
    }
  }

  @Test
  void keylessSignaturesVerifyInBothForms() {
    for (SignatureFormat format : SignatureFormat.values()) {
      String r = ref(format.name().toLowerCase(Locale.ROOT));
      PushResult pushed = oci.push(r, PushRequest.of(PROFILE));
      SIGSTORE.signer("dev@example.test", "https://issuer.example.test")
          .sign(oci.repository(r), pushed.digest(), SigningOptions.of(format));

      PullResult pulled = pull(r, SIGSTORE.verifier("dev@example.test", "https://issuer.example.test"));
      assertThat(pulled.profile()).isEqualTo(PROFILE);
      assertThat(pulled.verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
      assertThat(pulled.verification().signer()).isEqualTo("dev@example.test");
      assertThat(pulled.verification().issuer()).isEqualTo("https://issuer.example.test");
    }
  }

  @Test
  void anotherIdentityIsRejected() {
    PushResult pushed = oci.push(ref("v1"), PushRequest.of(PROFILE));
    SIGSTORE.signer().sign(oci.repository(ref("v1")), pushed.digest(), SigningOptions.defaults());

    assertThat(pull(ref("v1"), SIGSTORE.verifier()).verification().signer()).isEqualTo(TestSigstoreExtension.SUBJECT);
    assertThat(pull(ref("v1"), SIGSTORE.verifier(Identity.regex(".*@example\\.test", "https://oidc\\..*"))).verification().status())
        .isEqualTo(VerificationResult.Status.VERIFIED);
    assertThatThrownBy(() -> pull(ref("v1"), SIGSTORE.verifier("mallory@example.test", TestSigstoreExtension.ISSUER)))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(() -> pull(ref("v1"), SIGSTORE.verifier(TestSigstoreExtension.SUBJECT, "https://other.example.test")))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void signaturesOfAnotherPkiAreRejected() {
    PushResult pushed = oci.push(ref("foreign"), PushRequest.of(PROFILE));
    new TestSigstore().signer(TestSigstoreExtension.SUBJECT, TestSigstoreExtension.ISSUER)
        .sign(oci.repository(ref("foreign")), pushed.digest(), SigningOptions.defaults());
    assertThatThrownBy(() -> pull(ref("foreign"), SIGSTORE.verifier())).isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void faultySignersComeFromTheSamePki() {
    PushResult pushed = oci.push(ref("faulty"), PushRequest.of(PROFILE));
    SIGSTORE.pki().signer(TestSigstoreExtension.SUBJECT, TestSigstoreExtension.ISSUER, TestSigstore.Fault.UNTRUSTED_CA)
        .sign(oci.repository(ref("faulty")), pushed.digest(), SigningOptions.defaults());
    assertThatThrownBy(() -> pull(ref("faulty"), SIGSTORE.verifier())).isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void writesTheTrustedRootFile() throws Exception {
    trustedRootFile = SIGSTORE.trustedRootFile();
    assertThat(trustedRootFile.getFileName()).hasToString("trusted_root.json");
    assertThat(Files.readAllBytes(trustedRootFile)).isEqualTo(SIGSTORE.pki().trustedRootJson());

    // The file is a complete trusted root: a verifier built from it accepts this PKI's signatures.
    TrustedRoot fromFile = TrustedRoot.fromFile(trustedRootFile);
    PushResult pushed = oci.push(ref("file"), PushRequest.of(PROFILE));
    SIGSTORE.signer().sign(oci.repository(ref("file")), pushed.digest(), SigningOptions.defaults());
    CosignVerifier verifier = CosignVerifier.builder()
        .trustedRoot(fromFile)
        .identity(Identity.exact(TestSigstoreExtension.SUBJECT, TestSigstoreExtension.ISSUER))
        .build();
    assertThat(pull(ref("file"), verifier).verification().status()).isEqualTo(VerificationResult.Status.VERIFIED);
  }

  @Test
  void injectsItself(TestSigstoreExtension sigstore) {
    assertThat(sigstore).isSameAs(SIGSTORE);
  }

  @Test
  void isUnusableOutsideATestClass() {
    TestSigstoreExtension unstarted = TestSigstoreExtension.create();
    assertThatThrownBy(unstarted::trustedRoot).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterPki() {
      assertThat(SIGSTORE.trustedRootFile()).exists();
      assertThat(SIGSTORE.trustedRoot()).isNotNull();
    }
  }
}
