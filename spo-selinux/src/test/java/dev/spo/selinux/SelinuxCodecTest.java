package dev.spo.selinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.Profile;
import dev.spo.core.ProfilePhase;
import dev.spo.core.ProfileState;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.codec.ProfileParseException;
import dev.spo.core.codec.UnknownFieldPolicy;
import dev.spo.core.spi.ProfileKinds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelinuxCodecTest {
  private final ProfileCodec codec = ProfileCodec.defaults();

  @Test
  void kindsAreRegistered() {
    assertThat(ProfileKinds.loaded().names()).contains("SelinuxProfile", "RawSelinuxProfile");
  }

  @Test
  void readsV1AndRoundTrips() {
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: SelinuxProfile
        metadata:
          name: app
        spec:
          state: Enabled
          inherit:
            - kind: System
              name: container
            - kind: SelinuxProfile
              name: base
          mode: Permissive
          allow:
            var_log_t:
              file: [read, open]
            '@self':
              tcp_socket: [listen]
        status:
          status: Installed
          usage: app.process
          activeWorkloads: [ns/pod]
        """;
    SelinuxProfile p = codec.read(yaml, SelinuxProfile.class);
    assertThat(p.spec().state()).isEqualTo(ProfileState.ENABLED);
    assertThat(p.spec().inherit()).containsExactly(PolicyRef.system("container"), PolicyRef.profile("base"));
    assertThat(p.spec().mode()).isEqualTo(SelinuxMode.PERMISSIVE);
    assertThat(p.spec().allow()).containsOnlyKeys("var_log_t", "@self");
    assertThat(p.spec().allow().get("var_log_t").get("file")).containsExactly("read", "open");
    assertThat(p.status()).isNotNull();
    assertThat(p.status().status()).isEqualTo(ProfilePhase.INSTALLED);
    assertThat(p.status().usage()).isEqualTo("app.process");
    assertThat(p.usage()).isEqualTo("app.process");

    String written = codec.toYaml(p);
    Profile again = codec.read(written);
    assertThat(again).isEqualTo(p);
    assertThat(codec.toYaml(again)).isEqualTo(written);
  }

  @Test
  void mapsV1alpha2PermissiveAndDefaultsKindToSystem() {
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1alpha2
        kind: SelinuxProfile
        metadata:
          name: old
        spec:
          disabled: true
          permissive: true
          inherit:
            - name: net_container
            - kind: ""
              name: container
        """;
    SelinuxProfile p = codec.read(yaml, SelinuxProfile.class);
    assertThat(p.spec().mode()).isEqualTo(SelinuxMode.PERMISSIVE);
    assertThat(p.spec().state()).isEqualTo(ProfileState.DISABLED);
    assertThat(p.spec().inherit()).containsExactly(PolicyRef.system("net_container"), PolicyRef.system("container"));
    assertThat(p.apiVersion()).isEqualTo(Profile.API_VERSION_V1);
    assertThat(codec.toYaml(p)).contains("mode: Permissive").contains("state: Disabled").doesNotContain("permissive");
  }

  @Test
  void rejectsContradictionsAndUnknownValues() {
    String contradiction =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: SelinuxProfile
        metadata: {name: x}
        spec: {mode: Enforcing, permissive: true}
        """;
    assertThatThrownBy(() -> codec.read(contradiction))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/permissive");
    String badKind =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: SelinuxProfile
        metadata: {name: x}
        spec:
          inherit: [{kind: Other, name: y}]
        """;
    assertThatThrownBy(() -> codec.read(badKind))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/inherit/0/kind");
    String badPerms =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: SelinuxProfile
        metadata: {name: x}
        spec:
          allow: {var_t: {file: [1]}}
        """;
    assertThatThrownBy(() -> codec.read(badPerms))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/allow/var_t/file/0");
  }

  @Test
  void reportsUnknownSpecFields() {
    ProfileCodec strict = ProfileCodec.builder().unknownFields(UnknownFieldPolicy.REJECT).build();
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: SelinuxProfile
        metadata: {name: x}
        spec: {allowed: {}}
        """;
    assertThatThrownBy(() -> strict.read(yaml)).isInstanceOf(ProfileParseException.class).hasMessageContaining("/spec/allowed");
  }

  @Test
  void rawProfileRoundTrips() {
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1alpha2
        kind: RawSelinuxProfile
        metadata:
          name: raw
        spec:
          policy: |
            (type process)
            (allow process var_t ( file ( read )))
        """;
    RawSelinuxProfile p = codec.read(yaml, RawSelinuxProfile.class);
    assertThat(p.spec().policy()).isEqualTo("(type process)\n(allow process var_t ( file ( read )))\n");
    assertThat(codec.read(codec.toYaml(p))).isEqualTo(p);
    assertThat(codec.readAll(codec.toYaml(List.of(p, p)))).hasSize(2);
  }
}
