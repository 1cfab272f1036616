package dev.spo.cli;

import dev.spo.oci.LocalRegistry;
import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** push, pull and compose against a real CNCF Distribution registry on loopback. */
class RegistryCommandsIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  @TempDir Path tmp;

  @Test
  void pushThenPull() throws Exception {
    String ref = REGISTRY.host() + "/profiles/runc-base:v1";
    Result push = spoc().run("push", "--plain-http", "--no-sign", "-f", REPO.resolve("examples/spoc/runc-base.yaml"), ref);
    assertThat(push.exit()).as(push.toString()).isZero();
    assertThat(push.out()).startsWith("pushed " + REGISTRY.host() + "/profiles/runc-base@sha256:");
    Result pull = spoc().run("pull", "--plain-http", "--insecure-skip-verify", ref, "-o", tmp.resolve("base.yaml"));
    assertThat(pull.exit()).as(pull.toString()).isZero();
    assertThat(Files.readString(tmp.resolve("base.yaml"))).contains("name: runc-base");
    assertThat(pull.err()).contains("spoc: pulled " + ref + " sha256:", "NOT verified", "Signature verification is DISABLED");
    Result refused = spoc().run("pull", "--plain-http", ref);
    assertThat(refused.exit()).isEqualTo(2);
    Result missing = spoc().run("pull", "--plain-http", "--insecure-skip-verify", REGISTRY.host() + "/profiles/none:v1");
    assertThat(missing.exit()).isEqualTo(2);
    // One line: the skip warning is logged per pull, and nothing was pulled.
    assertThat(missing.err()).startsWith("spoc: error: ").contains("no such tag").hasLineCount(1);
  }

  @Test
  void composeWithARegistryBase() throws Exception {
    String ref = REGISTRY.host() + "/examples/runc-base:v1";
    assertThat(spoc().run("push", "--plain-http", "--no-sign", "-f", REPO.resolve("examples/spoc/runc-base.yaml"), ref).exit()).isZero();
    Path app = tmp.resolve("app.yaml");
    Files.writeString(app, Files.readString(REPO.resolve("examples/spoc/webserver.yaml"))
        .replace("oci://ghcr.io/spo-java/examples/runc-base:v1", "oci://" + ref));
    Result r = spoc().run("compose", app, "--plain-http", "--insecure-skip-verify");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("#   1 runc-base <- oci://" + ref + " from oci://" + REGISTRY.host() + "/examples/runc-base@sha256:", "- execve");
  }
}
