package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OciReferenceTest {
  private static final String D = "sha256:" + "a".repeat(64);

  @Test
  void dockerHubDefaults() {
    OciReference r = OciReference.parse("alpine");
    assertThat(r).isEqualTo(new OciReference("docker.io", "library/alpine", "latest", null));
    assertThat(r.apiHost()).isEqualTo("registry-1.docker.io");
    assertThat(OciReference.parse("library/alpine:3").toString()).isEqualTo("docker.io/library/alpine:3");
    assertThat(OciReference.parse("index.docker.io/foo/bar").registry()).isEqualTo("docker.io");
  }

  @Test
  void registryNeedsDotColonOrLocalhost() {
    assertThat(OciReference.parse("localhost/profiles/x").registry()).isEqualTo("localhost");
    assertThat(OciReference.parse("127.0.0.1:5000/profiles/x:v1").registry()).isEqualTo("127.0.0.1:5000");
    OciReference r = OciReference.parse("profiles/x");
    assertThat(r.registry()).isEqualTo("docker.io");
    assertThat(r.repository()).isEqualTo("profiles/x");
  }

  @Test
  void tagDigestAndScheme() {
    OciReference r = OciReference.parse("oci://ghcr.io/org/base/runc:v1.2@" + D);
    assertThat(r.registry()).isEqualTo("ghcr.io");
    assertThat(r.repository()).isEqualTo("org/base/runc");
    assertThat(r.tag()).isEqualTo("v1.2");
    assertThat(r.digest()).isEqualTo(D);
    assertThat(r.identifier()).isEqualTo(D);
    assertThat(r.lastSegment()).isEqualTo("runc");
    OciReference pinned = r.withDigest(D);
    assertThat(pinned.toString()).isEqualTo("ghcr.io/org/base/runc@" + D);
    assertThat(OciReference.parse("localhost:5000/x@" + D).tag()).isNull();
  }

  @Test
  void rejectsInvalid() {
    assertThatThrownBy(() -> OciReference.parse("ghcr.io/Org/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OciReference.parse("ghcr.io/x@sha1:" + "a".repeat(40)))
        .hasMessageContaining("sha256 only");
    assertThatThrownBy(() -> OciReference.parse("ghcr.io/x@sha256:abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OciReference.parse("https://ghcr.io/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OciReference.parse("OCI://ghcr.io/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OciReference.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void layoutReferences() {
    assertThat(LayoutReference.parse("oci-layout:/tmp/store:nginx"))
        .isEqualTo(new LayoutReference(Path.of("/tmp/store"), "nginx", null));
    assertThat(LayoutReference.parse("oci-layout:/tmp/store"))
        .isEqualTo(new LayoutReference(Path.of("/tmp/store"), "latest", null));
    assertThat(LayoutReference.parse("oci-layout:/tmp/st:ore/dir@" + D))
        .isEqualTo(new LayoutReference(Path.of("/tmp/st:ore/dir"), null, D));
    assertThat(LayoutReference.parse("oci-layout:rel:v1").directory()).isEqualTo(Path.of("rel"));
    assertThatThrownBy(() -> LayoutReference.parse("oci-layout::tag")).isInstanceOf(IllegalArgumentException.class);
  }
}
