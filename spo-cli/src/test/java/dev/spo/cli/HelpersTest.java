package dev.spo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.cli.internal.Arches;
import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ExitCodes;
import dev.spo.cli.internal.SigningKeys;
import dev.spo.core.compose.CompositionException;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.validate.ValidationException;
import dev.spo.core.validate.Violation;
import dev.spo.oci.SignatureVerificationException;
import dev.spo.oci.sign.KeySigner;
import dev.spo.oci.sign.PublicKeys;
import dev.spo.oci.sign.SigningKeyPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's helpers, without starting processes. */
class HelpersTest {
  @Test
  void architectureNames() {
    assertThat(Arches.parse("x86_64")).isEqualTo(SeccompArch.X86_64);
    assertThat(Arches.parse("amd64")).isEqualTo(SeccompArch.X86_64);
    assertThat(Arches.parse("SCMP_ARCH_X86_64")).isEqualTo(SeccompArch.X86_64);
    assertThat(Arches.parse("arm64")).isEqualTo(SeccompArch.AARCH64);
    assertThat(Arches.parse("AARCH64")).isEqualTo(SeccompArch.AARCH64);
    assertThat(Arches.parse("ppc64el")).isEqualTo(SeccompArch.PPC64LE);
    assertThat(Arches.parse("native")).isEqualTo(SeccompArch.NATIVE);
    assertThat(Arches.goName("x86_64")).isEqualTo("amd64");
    assertThat(Arches.goName("SCMP_ARCH_AARCH64")).isEqualTo("arm64");
    assertThat(Arches.goName("s390x")).isEqualTo("s390x");
    assertThatThrownBy(() -> Arches.goName("native")).isInstanceOf(CliException.class);
    assertThatThrownBy(() -> Arches.parse("vax")).isInstanceOf(CliException.class).hasMessageContaining("unknown architecture 'vax'");
  }

  @Test
  void exitCodes() {
    assertThat(ExitCodes.forException(CliException.usage("x"))).isEqualTo(2);
    assertThat(ExitCodes.forException(CliException.checkFailed("x"))).isEqualTo(1);
    assertThat(ExitCodes.forException(new ValidationException("p", List.of(Violation.error("/spec", "bad"))))).isEqualTo(1);
    assertThat(ExitCodes.forException(new CompositionException(CompositionException.Reason.CYCLE, List.of("a", "b"), "cycle"))).isEqualTo(1);
    assertThat(ExitCodes.forException(new CompositionException(
        CompositionException.Reason.RESOLVER_FAILED, List.of("a"), "io", new IllegalStateException("down")))).isEqualTo(2);
    SignatureVerificationException sig = new SignatureVerificationException("r", "sha256:00", "no signature", List.of());
    assertThat(ExitCodes.forException(sig)).isEqualTo(1);
    assertThat(ExitCodes.forException(new CompositionException(CompositionException.Reason.RESOLVER_FAILED, List.of("a"), "x", sig)))
        .isEqualTo(1);
    assertThat(ExitCodes.forException(new IllegalStateException("boom"))).isEqualTo(2);
  }

  @Test
  void errorMessagesAreOneLine() {
    assertThat(ExitCodes.oneLine(new ValidationException("p", List.of(Violation.error("/a", "x"), Violation.error("/b", "y")))))
        .doesNotContain("\n").contains("/a", "/b");
    assertThat(ExitCodes.oneLine(new IllegalStateException("Error: Missing option"))).isEqualTo("Missing option");
    assertThat(ExitCodes.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  @Test
  void storeMapsOciReferencesToLayouts() {
    Path store = Path.of("/srv/store");
    assertThat(OciAccess.layoutReference(store, "oci://ghcr.io/acme/base:v1")).isEqualTo("oci-layout:/srv/store/ghcr.io/acme/base:v1");
    assertThat(OciAccess.layoutReference(store, "oci://127.0.0.1:5000/base")).isEqualTo("oci-layout:/srv/store/127.0.0.1:5000/base:latest");
    String digest = "sha256:" + "a".repeat(64);
    assertThat(OciAccess.layoutReference(store, "oci://ghcr.io/acme/base@" + digest))
        .isEqualTo("oci-layout:/srv/store/ghcr.io/acme/base@" + digest);
    assertThat(OciAccess.host("oci-layout:/x:v1")).isEmpty();
    assertThat(OciAccess.host("127.0.0.1:5000/a/b:v1")).isEqualTo("127.0.0.1:5000");
  }

  @Test
  void publicKeyIsRecomputedFromThePrivateKey() {
    SigningKeyPair generated = SigningKeyPair.generate();
    SigningKeyPair read = SigningKeys.pairFromPrivateKey(generated.privateKeyPem());
    assertThat(PublicKeys.fingerprint(PublicKeys.fromPem(read.publicKeyPem())))
        .isEqualTo(PublicKeys.fingerprint(PublicKeys.fromPem(generated.publicKeyPem())));
    assertThat(KeySigner.of(read).publicKey().getEncoded()).isEqualTo(PublicKeys.fromPem(generated.publicKeyPem()).getEncoded());
    assertThatThrownBy(() -> SigningKeys.pairFromPrivateKey(generated.publicKeyPem()))
        .isInstanceOf(CliException.class).hasMessageContaining("PKCS#8");
  }
}
