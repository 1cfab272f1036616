package dev.spo.testing.junit;

import static dev.spo.testing.SeccompAssertions.assertThat;
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
import dev.spo.oci.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@link WithLocalRegistry}: one real registry per class, injected as parameters. */
@EnabledOnOs(OS.LINUX)
@WithLocalRegistry
class LocalRegistryIT {
  static final SeccompProfile PROFILE = SeccompProfile.of("web", SeccompSpec.builder()
      .defaultAction(SeccompAction.ERRNO)
      .addSyscall(Syscall.of(SeccompAction.ALLOW, "read", "write", "openat"))
      .build());

  private final LocalRegistry registry;

  LocalRegistryIT(LocalRegistry registry) {
    this.registry = registry;
  }

  @Test
  void pushesAndPullsAProfile(OciProfiles oci) {
    PushResult pushed = oci.push(registry.reference("profiles/web:v1"), PushRequest.of(PROFILE));
    assertThat(pushed.reference()).startsWith(registry.host() + "/profiles/web@sha256:");

    PullResult pulled = oci.pull(registry.reference("profiles/web:v1"));
    assertThat(pulled.digest()).isEqualTo(pushed.digest());
    assertThat(pulled.profile()).isEqualTo(PROFILE);
    assertThat((SeccompProfile) pulled.profile()).allows("openat").returnsErrno("mount", 1);
    assertThat(registry.countRequests("PUT /v2/profiles/web/manifests/v1")).isEqualTo(1);
    assertThat(registry.storage()).isDirectory();
  }

  @Test
  void answersPlainHttpOnLoopback(RegistryClient client) throws Exception {
    assertThat(registry.host()).isEqualTo("127.0.0.1:" + registry.port());
    assertThat(client).isSameAs(registry.registryClient());
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterRegistry(LocalRegistry inner) {
      assertThat(inner).isSameAs(registry);
    }
  }

  @Test
  void aRegistryThatExitsIsReportedWithItsOutput(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("fake-registry");
    Files.writeString(fake, "#!/bin/sh\necho \"configuration error in $2\" >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    assertThatThrownBy(() -> LocalRegistry.builder().binary(fake).start())
        .isInstanceOf(LocalRegistryException.class)
        .hasMessageContaining(fake + " exited with 3")
        .hasMessageContaining("configuration error in ")
        .hasMessageContaining("config.yml");
    assertThatThrownBy(() -> LocalRegistry.builder().binary(fake).tls().start())
        .isInstanceOf(LocalRegistryException.class)
        .hasMessageContaining("exited with 3");
  }

  @Test
  void plainHttpRegistryHasNoCa() {
    assertThat(registry.usesTls()).isFalse();
    assertThat(registry.baseUri().toString()).isEqualTo("http://" + registry.host());
    assertThatThrownBy(registry::caCertificate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeStopsTheProcessAndDeletesTheStorage() throws Exception {
    LocalRegistry own = LocalRegistry.builder().start();
    Path storage = own.storage();
    own.ociProfiles().push(own.reference("p/x:v1"), PushRequest.of(PROFILE));
    assertThat(storage).isDirectory();
    URI v2 = URI.create("http://" + own.host() + "/v2/");
    own.close();
    own.close(); // idempotent
    assertThat(Files.exists(storage)).isFalse();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(v2).build(), HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(own::ociProfiles).isInstanceOf(IllegalStateException.class);
  }
}
