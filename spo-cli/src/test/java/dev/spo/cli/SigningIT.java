package dev.spo.cli;

import dev.spo.oci.LocalRegistry;
import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** keygen, push with signing, sign, verify and verified pulls/compositions against a real registry. */
class SigningIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();
  static final Path BASE = REPO.resolve("examples/spoc/runc-base.yaml");

  @TempDir static Path keys;
  @TempDir static Path otherKeys;

  @BeforeAll
  static void generateKeys() throws Exception {
    Result r = spoc().run("keygen", "-o", keys);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("cosign.key", "cosign.pub", "fingerprint sha256:");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("cosign.key")))).isEqualTo("rw-------");
    assertThat(Files.readString(keys.resolve("cosign.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(spoc().run("keygen", "-o", otherKeys).exit()).isZero();
  }

  @Test
  void keygenDoesNotOverwrite() {
    Result r = spoc().run("keygen", "-o", keys);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--force");
  }

  @Test
  void pushSignedThenVerifyAndPull() {
    String ref = REGISTRY.host() + "/signed/runc-base:v1";
    Result push = spoc().run("push", "--plain-http", "--sign-key", keys.resolve("cosign.key"), "-f", BASE, ref);
    assertThat(push.exit()).as(push.toString()).isZero();
    assertThat(push.out()).contains("pushed ", "signed " + REGISTRY.host() + "/signed/runc-base@sha256:", "legacy_sig_tag", "bundle_referrer");
    Result verify = spoc().run("verify", "--plain-http", "--key", keys.resolve("cosign.pub"), ref);
    assertThat(verify.exit()).as(verify.toString()).isZero();
    assertThat(verify.out()).startsWith("verified " + REGISTRY.host() + "/signed/runc-base@sha256:").contains("signer:  sha256:", ", key");
    Result wrong = spoc().run("verify", "--plain-http", "--key", otherKeys.resolve("cosign.pub"), ref);
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("spoc: error: ").contains("no signature satisfies the policy").hasLineCount(1);
    Result pull = spoc().run("pull", "--plain-http", "--key", keys.resolve("cosign.pub"), ref);
    assertThat(pull.exit()).as(pull.toString()).isZero();
    assertThat(pull.out()).contains("name: runc-base");
    assertThat(pull.err()).contains("signature verified (sha256:").doesNotContain("WARN");
    assertThat(spoc().run("pull", "--plain-http", "--key", otherKeys.resolve("cosign.pub"), ref).exit()).isEqualTo(1);
    assertThat(spoc().run("pull", "--plain-http", "--key", keys.resolve("cosign.pub"), "--insecure-skip-verify", ref).exit()).isEqualTo(2);
  }

  @Test
  void signAfterAnUnsignedPush() {
    String ref = REGISTRY.host() + "/later/runc-base:v1";
    assertThat(spoc().run("push", "--plain-http", "--no-sign", "-f", BASE, ref).exit()).isZero();
    Result unsigned = spoc().run("verify", "--plain-http", "--key", keys.resolve("cosign.pub"), ref);
    assertThat(unsigned.exit()).isEqualTo(1);
    Result sign = spoc().run("sign", "--plain-http", "--sign-key", keys.resolve("cosign.key"), ref);
    assertThat(sign.exit()).as(sign.toString()).isZero();
    assertThat(sign.out()).startsWith("signed " + REGISTRY.host() + "/later/runc-base@sha256:");
    assertThat(spoc().run("verify", "--plain-http", "--key", keys.resolve("cosign.pub"), ref).exit()).isZero();
    assertThat(spoc().run("sign", "--plain-http", "--sign-key", keys.resolve("cosign.pub"), ref).exit()).isEqualTo(2);
  }

  @Test
  void composeVerifiesRegistryBases() throws Exception {
    String ref = REGISTRY.host() + "/bases/runc-base:v1";
    assertThat(spoc().run("push", "--plain-http", "--sign-key", keys.resolve("cosign.key"), "-f", BASE, ref).exit()).isZero();
    Path app = keys.resolve("app.yaml");
    Files.writeString(app, Files.readString(REPO.resolve("examples/spoc/webserver.yaml"))
        .replace("oci://ghcr.io/spo-java/examples/runc-base:v1", "oci://" + ref));
    Result ok = spoc().run("compose", app, "--plain-http", "--key", keys.resolve("cosign.pub"));
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("- execve");
    Result bad = spoc().run("compose", app, "--plain-http", "--key", otherKeys.resolve("cosign.pub"));
    assertThat(bad.exit()).isEqualTo(1);
  }

  @Test
  void theEmbeddedStoreIsSignedWithTheExampleKey() {
    Path store = REPO.resolve("examples/store");
    Path pub = REPO.resolve("examples/keys/example-cosign.pub");
    Result verify = spoc().run("verify", "--key", pub, "oci-layout:" + store.resolve("ghcr.io/spo-java/examples/runc-base") + ":v1");
    assertThat(verify.exit()).as(verify.toString()).isZero();
    Result compose = spoc().run("compose", REPO.resolve("examples/spoc/webserver.yaml"), "--store", store, "--key", pub);
    assertThat(compose.exit()).as(compose.toString()).isZero();
    assertThat(compose.err()).isEmpty();
    Result wrong = spoc().run("compose", REPO.resolve("examples/spoc/webserver.yaml"), "--store", store, "--key", keys.resolve("cosign.pub"));
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("no signature satisfies the policy");
  }

  @Test
  void keylessFlagsAreChecked() {
    Result partial = spoc().run("verify", "--certificate-identity", "a@example.com", "oci-layout:/nonexistent:v1");
    assertThat(partial.exit()).isEqualTo(2);
    assertThat(partial.err()).contains("--certificate-oidc-issuer");
    Result noRoot = spoc().run("verify", "--certificate-identity", "a@example.com", "--certificate-oidc-issuer", "https://issuer", "oci-layout:/nonexistent:v1");
    assertThat(noRoot.err()).contains("--trusted-root");
    Result partialSign = spoc().run("push", "--fulcio-url", "https://fulcio.example", "-f", BASE, "oci-layout:" + keys.resolve("l") + ":v1");
    assertThat(partialSign.exit()).isEqualTo(2);
    assertThat(partialSign.err()).contains("--rekor-url");
    assertThat(Files.exists(keys.resolve("l"))).isFalse();
  }
}
