package dev.spo.oci.sign;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SigstoreKeylessSignerTest {
  @Test
  void needsAToken() {
    assertThatThrownBy(
            () -> SigstoreKeylessSigner.builder()
                .environment(name -> null)
                .trustedRoot(Path.of("trusted_root.json"))
                .fulcioUrl(URI.create("https://127.0.0.1:1"))
                .rekorUrl(URI.create("http://127.0.0.1:1"))
                .build())
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("SIGSTORE_ID_TOKEN");
  }

  @Test
  void privateInstanceNeedsTrustedRootAndUrls() {
    assertThatThrownBy(() -> SigstoreKeylessSigner.builder().identityToken("a.b.c").fulcioUrl(URI.create("https://127.0.0.1:1")).build())
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("needs a trusted root, a Fulcio URL and a Rekor URL");
  }

  @Test
  void tokenComesFromTheEnvironment() {
    // With SIGSTORE_ID_TOKEN set the token check passes and the (missing) trusted root is reported.
    assertThatThrownBy(
            () -> SigstoreKeylessSigner.builder()
                .environment(name -> name.equals("SIGSTORE_ID_TOKEN") ? "a.b.c" : null)
                .trustedRoot(Path.of("/nonexistent/trusted_root.json"))
                .fulcioUrl(URI.create("https://127.0.0.1:1"))
                .rekorUrl(URI.create("http://127.0.0.1:1"))
                .build())
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("cannot read /nonexistent/trusted_root.json");
  }
}
