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

/** {@link LocalRegistryExtension} on a static field, with custom settings (HTTP Basic). */
@EnabledOnOs(OS.LINUX)
class BasicAuthRegistryIT {
  @RegisterExtension
  static final LocalRegistryExtension REGISTRY = LocalRegistryExtension.with(LocalRegistry.builder().basicAuth());

  @Test
  void sharedClientsCarryTheCredentials() {
    LocalRegistry registry = REGISTRY.registry();
    assertThat(registry.requiresAuthentication()).isTrue();
    String ref = registry.reference("profiles/web:v1");
    registry.ociProfiles().push(ref, PushRequest.of(LocalRegistryIT.PROFILE));
    assertThat(registry.ociProfiles().pull(ref).profile()).isEqualTo(LocalRegistryIT.PROFILE);
  }

  @Test
  void anonymousClientsAreRefused() {
    LocalRegistry registry = REGISTRY.registry();
    try (RegistryClient anonymous = RegistryClient.builder().plainHttp(registry.host()).build();
        OciProfiles oci = OciProfiles.builder()
            .registryClient(anonymous)
            .signaturePolicy(SignaturePolicy.insecureSkipVerification())
            .build()) {
      assertThatThrownBy(() -> oci.push(registry.reference("profiles/denied:v1"), PushRequest.of(LocalRegistryIT.PROFILE)))
          .isInstanceOfSatisfying(RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED));
    }
  }
}
