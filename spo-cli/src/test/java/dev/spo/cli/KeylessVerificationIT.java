package dev.spo.cli;

import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.OciRepository;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless verification flags: an artifact pushed by spoc into an OCI layout, signed in-process by
 * an offline test Sigstore (CA, CT log, transparency log), verified by the spoc process against
 * that Sigstore's {@code trusted_root.json}.
 */
class KeylessVerificationIT {
  static final String SAN = "release@example.com";
  static final String ISSUER = "https://accounts.example.com";

  @TempDir static Path dir;
  static String ref;
  static Path trustedRoot;

  @BeforeAll
  static void pushAndSignKeyless() throws Exception {
    ref = "oci-layout:" + dir.resolve("layout") + ":v1";
    Result push = spoc().run("push", "--no-sign", "-f", REPO.resolve("examples/spoc/runc-base.yaml"), ref);
    assertThat(push.exit()).as(push.toString()).isZero();
    Matcher m = Pattern.compile("@(sha256:[0-9a-f]{64})").matcher(push.out());
    assertThat(m.find()).isTrue();
    TestSigstore sigstore = new TestSigstore();
    try (OciProfiles oci = OciProfiles.builder().build()) {
      OciRepository repo = oci.repository(ref);
      sigstore.signer(SAN, ISSUER).sign(repo, m.group(1), SigningOptions.defaults());
    }
    trustedRoot = dir.resolve("trusted_root.json");
    Files.write(trustedRoot, sigstore.trustedRootJson());
  }

  @Test
  void exactIdentity() {
    Result r = spoc().run("verify", "--certificate-identity", SAN, "--certificate-oidc-issuer", ISSUER, "--trusted-root", trustedRoot, ref);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("signer:  " + SAN + " (issuer " + ISSUER + ")", ", keyless");
  }

  @Test
  void regexIdentityAndVerifiedPull() {
    Result r = spoc().run("pull", "--certificate-identity-regexp", ".*@example\\.com",
        "--certificate-oidc-issuer-regexp", "https://accounts\\.example\\.(com|org)", "--trusted-root", trustedRoot, ref);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("name: runc-base");
    assertThat(r.err()).contains("signature verified (" + SAN + ")");
  }

  @Test
  void wrongIdentityOrIssuerFails() {
    Result identity = spoc().run("verify", "--certificate-identity", "mallory@example.com", "--certificate-oidc-issuer", ISSUER,
        "--trusted-root", trustedRoot, ref);
    assertThat(identity.exit()).isEqualTo(1);
    assertThat(identity.err()).startsWith("spoc: error: ").hasLineCount(1);
    Result issuer = spoc().run("verify", "--certificate-identity", SAN, "--certificate-oidc-issuer", "https://other.example.com",
        "--trusted-root", trustedRoot, ref);
    assertThat(issuer.exit()).isEqualTo(1);
    // A regexp must match the whole identity, as in cosign.
    Result partial = spoc().run("verify", "--certificate-identity-regexp", "release", "--certificate-oidc-issuer", ISSUER,
        "--trusted-root", trustedRoot, ref);
    assertThat(partial.exit()).isEqualTo(1);
  }

  @Test
  void otherTrustedRootFails() throws Exception {
    Path other = dir.resolve("other_root.json");
    Files.write(other, new TestSigstore().trustedRootJson());
    Result r = spoc().run("verify", "--certificate-identity", SAN, "--certificate-oidc-issuer", ISSUER, "--trusted-root", other, ref);
    assertThat(r.exit()).isEqualTo(1);
  }
}
