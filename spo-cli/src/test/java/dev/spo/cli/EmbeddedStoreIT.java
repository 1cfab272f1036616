package dev.spo.cli;

import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start's embedded OCI store (examples/store) and OCI layouts as push/pull targets. */
class EmbeddedStoreIT {
  static final Path WEBSERVER = REPO.resolve("examples/spoc/webserver.yaml");
  static final Path STORE = REPO.resolve("examples/store");
  static final Path BASE_LAYOUT = STORE.resolve("ghcr.io/spo-java/examples/runc-base");

  @TempDir Path tmp;

  @Test
  void composeAgainstTheStore() {
    Result r = spoc().run("compose", WEBSERVER, "--store", "oci-layout:" + STORE, "--insecure-skip-verify");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("# composed webserver (union, 1 base)\n"
            + "#   1 runc-base <- oci://ghcr.io/spo-java/examples/runc-base:v1 from oci-layout:" + BASE_LAYOUT + "@sha256:")
        .contains("name: webserver", "- accept4", "- execve", "errnoRet: 38");
    assertThat(r.err()).contains("WARN", "Signature verification is DISABLED");
  }

  @Test
  void missingStoreEntryIsAMissingBase() throws Exception {
    Path profile = tmp.resolve("app.yaml");
    Files.writeString(profile, Files.readString(WEBSERVER).replace("runc-base:v1", "runc-base:v9"));
    Result r = spoc().run("compose", profile, "--store", STORE, "--insecure-skip-verify");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("spoc: error: ").contains("oci://ghcr.io/spo-java/examples/runc-base:v9");
    assertThat(spoc().run("compose", WEBSERVER, "--store", tmp.resolve("nope"), "--insecure-skip-verify").exit()).isEqualTo(2);
  }

  @Test
  void compileAndEmulateThroughTheStore() {
    Result stats = spoc().run("compile", WEBSERVER, "--store", STORE, "--insecure-skip-verify", "--arch", "x86_64");
    assertThat(stats.exit()).as(stats.toString()).isZero();
    assertThat(stats.out()).contains("profile:       webserver", "architectures: x86_64", "ERRNO(38) 1");
    Result clone3 = spoc().run("emulate", WEBSERVER, "--store", STORE, "--insecure-skip-verify", "--arch", "x86_64", "--syscall", "clone3");
    assertThat(clone3.out()).isEqualTo("ERRNO(38)\n");
  }

  @Test
  void pullFromTheStore() {
    Result r = spoc().run("pull", "oci-layout:" + BASE_LAYOUT + ":v1", "--insecure-skip-verify");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("name: runc-base", "- execve");
    assertThat(r.err()).contains("spoc: pulled oci-layout:", "signature NOT verified");
    Result none = spoc().run("pull", "oci-layout:" + BASE_LAYOUT + ":v1");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("spoc: error: pulling requires signature verification");
  }

  @Test
  void pushToALayoutAndPullBack() throws Exception {
    String ref = "oci-layout:" + tmp.resolve("layout") + ":v1";
    Result push = spoc().run("push", "--no-sign", "-f", REPO.resolve("examples/profiles/nginx.yaml"),
        "-f", REPO.resolve("examples/profiles/web-base.yaml"), "-p", "linux/amd64", "-p", "linux/arm64", "-a", "team:web:frontend", ref);
    assertThat(push.exit()).as(push.toString()).isZero();
    assertThat(push.out()).startsWith("pushed oci-layout:").contains("@sha256:", "tag v1");
    Result arm = spoc().run("pull", ref, "-p", "linux/arm64", "--insecure-skip-verify", "-o", tmp.resolve("arm.yaml"));
    assertThat(arm.exit()).as(arm.toString()).isZero();
    assertThat(Files.readString(tmp.resolve("arm.yaml"))).contains("name: web-base");
    Result amd = spoc().run("pull", ref, "--platform", "linux/amd64", "--insecure-skip-verify");
    assertThat(amd.out()).contains("name: nginx");
    Result missing = spoc().run("pull", ref, "-p", "linux/s390x", "--insecure-skip-verify");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("linux/amd64", "linux/arm64");

    String runtimeRef = "oci-layout:" + tmp.resolve("layout") + ":runtime";
    Result runtime = spoc().run("push", "--no-sign", "--format", "runtime", "-f", SpocProcess.resource("profiles/seccomp/runtime.json"), runtimeRef);
    assertThat(runtime.exit()).as(runtime.toString()).isZero();
    Result pulled = spoc().run("pull", runtimeRef, "--insecure-skip-verify");
    assertThat(pulled.out()).startsWith("{\n").contains("\"errnoRet\": 38");
  }

  @Test
  void pushRules() {
    Path nginx = REPO.resolve("examples/profiles/nginx.yaml");
    String ref = "oci-layout:" + tmp.resolve("layout") + ":v1";
    Result unsigned = spoc().run("push", "-f", nginx, ref);
    assertThat(unsigned.exit()).isEqualTo(2);
    assertThat(unsigned.err()).contains("--no-sign");
    assertThat(Files.exists(tmp.resolve("layout"))).isFalse();
    assertThat(spoc().run("push", "--no-sign", "-f", nginx, "-f", nginx, ref).err()).contains("one --platform each");
    assertThat(spoc().run("push", "--no-sign", "-f", nginx, "-p", "linux/amd64", "-p", "linux/arm64", ref).exit()).isEqualTo(2);
    assertThat(spoc().run("push", "--no-sign", "-f", nginx, "-f", nginx, "-p", "linux/amd64", "-p", "linux/amd64", ref).err())
        .contains("platform given twice");
    assertThat(spoc().run("push", "--no-sign", "-f", nginx, "-a", "novalue", ref).exit()).isEqualTo(2);
  }
}
