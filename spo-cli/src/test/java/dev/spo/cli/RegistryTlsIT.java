package dev.spo.cli;

import dev.spo.oci.LocalRegistry;
import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --ca-file against a registry serving TLS with a CA of its own. */
class RegistryTlsIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.tls();

  @Test
  void caFile() throws Exception {
    String ref = REGISTRY.host() + "/tls/runc-base:v1";
    String file = REPO.resolve("examples/spoc/runc-base.yaml").toString();
    Result untrusted = spoc().run("push", "--no-sign", "-f", file, ref);
    assertThat(untrusted.exit()).isEqualTo(2);
    assertThat(untrusted.err()).startsWith("spoc: error: ").hasLineCount(1);
    Result push = spoc().run("push", "--no-sign", "--ca-file", REGISTRY.caCertificate(), "-f", file, ref);
    assertThat(push.exit()).as(push.toString()).isZero();
    Result pull = spoc().run("pull", "--ca-file", REGISTRY.caCertificate(), "--insecure-skip-verify", ref);
    assertThat(pull.exit()).as(pull.toString()).isZero();
    assertThat(pull.out()).contains("name: runc-base");
    assertThat(spoc().run("pull", "--ca-file", REGISTRY.otherCa(), "--insecure-skip-verify", ref).exit()).isEqualTo(2);
  }
}
