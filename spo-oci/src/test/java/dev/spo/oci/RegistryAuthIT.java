package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd (HTTP Basic) protected Distribution registry. */
@EnabledOnOs(OS.LINUX)
class RegistryAuthIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.htpasswd();

  @TempDir Path tmp;

  private OciProfiles oci(RegistryClient client) {
    return OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @Test
  void pushAndPullWithCredentials() {
    try (RegistryClient client =
            REGISTRY.clientBuilder().credentials(REGISTRY.host(), Credentials.basic(LocalRegistry.USER, LocalRegistry.PASSWORD)).build();
        OciProfiles oci = oci(client)) {
      oci.push(REGISTRY.host() + "/secure/p:v1", PushRequest.of(TestProfiles.seccomp("p", "read")));
      assertThat(oci.pull(REGISTRY.host() + "/secure/p:v1").profile().name()).isEqualTo("p");
    }
  }

  @Test
  void credentialsFromADockerConfigFile() throws Exception {
    String auth = Base64.getEncoder().encodeToString((LocalRegistry.USER + ":" + LocalRegistry.PASSWORD).getBytes(StandardCharsets.UTF_8));
    Path config = tmp.resolve("config.json");
    Files.writeString(config, "{\"auths\":{\"http://" + REGISTRY.host() + "\":{\"auth\":\"" + auth + "\"}},\"credsStore\":\"none\"}");
    try (RegistryClient client = REGISTRY.clientBuilder().authFile(config).build(); OciProfiles oci = oci(client)) {
      oci.push(REGISTRY.host() + "/secure/file:v1", PushRequest.of(TestProfiles.seccomp("f", "read")));
      assertThat(oci.pull(REGISTRY.host() + "/secure/file:v1").profile().name()).isEqualTo("f");
    }
  }

  @Test
  void missingOrWrongCredentialsAreUnauthorized() {
    try (RegistryClient client = REGISTRY.clientBuilder().build(); OciProfiles oci = oci(client)) {
      assertThatThrownBy(() -> oci.pull(REGISTRY.host() + "/secure/p:v1"))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED);
                assertThat(e.status()).isEqualTo(401);
              });
    }
    try (RegistryClient client =
            REGISTRY.clientBuilder().credentials(REGISTRY.host(), Credentials.basic(LocalRegistry.USER, "wrong")).build();
        OciProfiles oci = oci(client)) {
      assertThatThrownBy(() -> oci.push(REGISTRY.host() + "/secure/p:v2", PushRequest.of(TestProfiles.seccomp("p", "read"))))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED);
                assertThat(e.getMessage()).doesNotContain("wrong").doesNotContain(LocalRegistry.PASSWORD);
              });
    }
  }

  @Test
  void credentialsAreNotRevealedByToString() {
    assertThat(Credentials.basic("u", "hunter2").toString()).doesNotContain("hunter2");
    assertThat(Credentials.bearerToken("tok123").toString()).doesNotContain("tok123");
  }
}
