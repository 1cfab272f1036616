package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TLS registry with a CA generated for the test. */
@EnabledOnOs(OS.LINUX)
class RegistryTlsIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.tls();

  @Test
  void trustedCaWorks() {
    try (RegistryClient client = REGISTRY.clientBuilder().build();
        OciProfiles oci =
            OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      oci.push(REGISTRY.host() + "/tls/p:v1", PushRequest.of(TestProfiles.seccomp("p", "read")));
      assertThat(oci.pull(REGISTRY.host() + "/tls/p:v1").profile().name()).isEqualTo("p");
    }
  }

  @Test
  void wrongCaOrDefaultTrustStoreIsRefused() throws Exception {
    for (RegistryClient client :
        new RegistryClient[] {
          RegistryClient.builder().caCertificates(REGISTRY.otherCa()).build(), RegistryClient.builder().build()
        }) {
      try (client;
          OciProfiles oci =
              OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
        assertThatThrownBy(() -> oci.pull(REGISTRY.host() + "/tls/p:v1"))
            .isInstanceOfSatisfying(
                RegistryException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(RegistryException.Reason.IO);
                  assertThat(e.getMessage()).containsIgnoringCase("ssl");
                });
      }
    }
  }
}
