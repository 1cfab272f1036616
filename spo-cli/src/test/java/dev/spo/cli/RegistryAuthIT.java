package dev.spo.cli;

import dev.spo.oci.LocalRegistry;
import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registry credentials: flags, stdin and the environment variables SPO reads. */
class RegistryAuthIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.htpasswd();

  @Test
  void credentialsFromFlagsStdinAndEnvironment() {
    String ref = REGISTRY.host() + "/auth/base:v1";
    String file = REPO.resolve("examples/spoc/runc-base.yaml").toString();
    Result anonymous = spoc().run("push", "--plain-http", "--no-sign", "-f", file, ref);
    assertThat(anonymous.exit()).isEqualTo(2);
    assertThat(anonymous.err()).startsWith("spoc: error: ").hasLineCount(1);
    Result stdin = spoc().stdin(LocalRegistry.PASSWORD + "\n")
        .run("push", "--plain-http", "--no-sign", "-u", LocalRegistry.USER, "--password-stdin", "-f", file, ref);
    assertThat(stdin.exit()).as(stdin.toString()).isZero();
    Result env = spoc().env("SPOC_USERNAME", LocalRegistry.USER).env("SPOC_PASSWORD", LocalRegistry.PASSWORD)
        .run("pull", "--plain-http", "--insecure-skip-verify", ref);
    assertThat(env.exit()).as(env.toString()).isZero();
    assertThat(env.out()).contains("name: runc-base");
    Result spoEnv = spoc().env("USERNAME", LocalRegistry.USER).env("PASSWORD", LocalRegistry.PASSWORD)
        .run("pull", "--plain-http", "--insecure-skip-verify", ref);
    assertThat(spoEnv.exit()).as(spoEnv.toString()).isZero();
    Result wrong = spoc().env("SPOC_USERNAME", LocalRegistry.USER).env("SPOC_PASSWORD", "wrong")
        .run("pull", "--plain-http", "--insecure-skip-verify", ref);
    assertThat(wrong.exit()).isEqualTo(2);
    Result noPassword = spoc().run("pull", "--plain-http", "--insecure-skip-verify", "-u", LocalRegistry.USER, ref);
    assertThat(noPassword.exit()).isEqualTo(2);
    assertThat(noPassword.err()).contains("--password-stdin");
  }
}
