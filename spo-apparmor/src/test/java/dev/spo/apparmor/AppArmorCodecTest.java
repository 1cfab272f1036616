package dev.spo.apparmor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.ProfilePhase;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.codec.ProfileParseException;
import dev.spo.core.codec.UnknownFieldPolicy;
import dev.spo.core.spi.ProfileKinds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppArmorCodecTest {
  private final ProfileCodec codec = ProfileCodec.defaults();

  @Test
  void kindIsRegistered() {
    assertThat(ProfileKinds.loaded().names()).contains("AppArmorProfile");
  }

  @Test
  void goldensRoundTrip() {
    for (Path input : Goldens.inputs()) {
      AppArmorProfile p = Goldens.read(input);
      String yaml = codec.toYaml(p);
      assertThat(codec.read(yaml)).isEqualTo(p);
      assertThat(codec.toYaml(codec.read(yaml))).isEqualTo(yaml);
    }
  }

  @Test
  void readsAllFields() {
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: AppArmorProfile
        metadata: {name: app}
        spec:
          state: Enabled
          mode: Complain
          abstract:
            executable: {allowedExecutables: [/bin/sh], allowedLibraries: [/lib/**]}
            filesystem: {readOnlyPaths: [/etc/**], writeOnlyPaths: [/log], readWritePaths: [/tmp/**]}
            network: {allowRaw: false, allowedProtocols: {allowTcp: true}}
            capability: {allowedCapabilities: [chown]}
            ptrace: {allowedAccess: [read], peer: x}
        status:
          status: Installed
          activeWorkloads: [ns/pod]
          activeWorkloadsCount: 1
        """;
    AppArmorProfile p = codec.read(yaml, AppArmorProfile.class);
    AppArmorAbstract a = p.spec().abstractRules();
    assertThat(p.spec().mode()).isEqualTo(AppArmorMode.COMPLAIN);
    assertThat(a.executable()).isEqualTo(new ExecutableRules(List.of("/bin/sh"), List.of("/lib/**")));
    assertThat(a.filesystem()).isEqualTo(new FilesystemRules(List.of("/etc/**"), List.of("/log"), List.of("/tmp/**")));
    assertThat(a.network()).isEqualTo(new NetworkRules(false, true, null, true));
    assertThat(a.capability()).isEqualTo(new CapabilityRules(List.of("chown")));
    assertThat(a.ptrace()).isEqualTo(new PtraceRules(List.of("read"), "x"));
    assertThat(p.status()).isNotNull();
    assertThat(p.status().status()).isEqualTo(ProfilePhase.INSTALLED);
    assertThat(p.status().activeWorkloadsCount()).isEqualTo(1);
    assertThat(codec.read(codec.toYaml(p))).isEqualTo(p);
  }

  @Test
  void mapsComplainModeAndRejectsContradiction() {
    String old =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1alpha1
        kind: AppArmorProfile
        metadata: {name: old}
        spec: {complainMode: true}
        """;
    AppArmorProfile p = codec.read(old, AppArmorProfile.class);
    assertThat(p.spec().mode()).isEqualTo(AppArmorMode.COMPLAIN);
    assertThat(codec.toYaml(p)).contains("mode: Complain").doesNotContain("complainMode");
    String contradiction =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: AppArmorProfile
        metadata: {name: x}
        spec: {mode: Enforce, complainMode: true}
        """;
    assertThatThrownBy(() -> codec.read(contradiction)).isInstanceOf(ProfileParseException.class).hasMessageContaining("/spec/complainMode");
  }

  @Test
  void unknownFieldsAreReported() {
    ProfileCodec strict = ProfileCodec.builder().unknownFields(UnknownFieldPolicy.REJECT).build();
    String yaml =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1
        kind: AppArmorProfile
        metadata: {name: x}
        spec: {abstract: {filesystem: {readOnlyPath: [/etc]}}}
        """;
    assertThatThrownBy(() -> strict.read(yaml))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/abstract/filesystem/readOnlyPath");
    String policy =
        """
        apiVersion: security-profiles-operator.x-k8s.io/v1alpha1
        kind: AppArmorProfile
        metadata: {name: x}
        spec: {policy: "profile x {}"}
        """;
    assertThatThrownBy(() -> strict.read(policy)).isInstanceOf(ProfileParseException.class).hasMessageContaining("/spec/policy");
  }
}
