package dev.spo.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.oci.OciProfiles;
import dev.spo.oci.PushRequest;
import dev.spo.oci.RegistryClient;
import dev.spo.oci.RegistryException;
import dev.spo.oci.SignaturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS mode: a per-registry CA that the shared clients trust and others do not. */
@EnabledOnOs(OS.LINUX)
class TlsRegistryIT {
  @RegisterExtension
  static final LocalRegistryExtension REGISTRY = LocalRegistryExtension.with(LocalRegistry.builder().tls());

  @Test
  void sharedClientsTrustTheGeneratedCa() {
    LocalRegistry registry = REGISTRY.registry();
    assertThat(registry.usesTls()).isTrue();
    assertThat(registry.baseUri().toString()).isEqualTo("https://" + registry.host());
    assertThat(registry.caCertificate()).isRegularFile();
    String ref = registry.reference("profiles/web:v1");
    registry.ociProfiles().push(ref, PushRequest.of(LocalRegistryIT.PROFILE));
    assertThat(registry.ociProfiles().pull(ref).profile()).isEqualTo(LocalRegistryIT.PROFILE);
  }

  @Test
  void clientsWithoutTheCaAreRejected() {
    LocalRegistry registry = REGISTRY.registry();
    try (RegistryClient untrusting = RegistryClient.builder().build();
        OciProfiles oci = OciProfiles.builder()
            .registryClient(untrusting)
            .signaturePolicy(SignaturePolicy.insecureSkipVerification())
            .build()) {
      assertThatThrownBy(() -> oci.pull(registry.reference("profiles/web:v1"))).isInstanceOf(RegistryException.class);
    }
  }
}
