package dev.spo.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerProfilesTest {
  static String resource(String name) throws IOException {
    try (InputStream in = DockerProfilesTest.class.getResourceAsStream("/moby/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void mobyDefaultFlattenedForAmd64EqualsTheReferenceFlattening() throws IOException {
    SeccompSpec flattened = DockerProfiles.flatten(resource("moby-default.json"), DockerTarget.dockerDefaults("amd64", "6.1"));
    SeccompSpec expected = ProfileCodec.defaults().readRuntimeSeccomp(resource("moby-default-flat-amd64.json"));
    assertThat(flattened).isEqualTo(expected);
    assertThat(flattened.architectures()).containsExactly(SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32);
    assertThat(flattened.syscalls()).hasSize(15);
    assertThat(flattened.syscalls().stream().mapToInt(s -> s.names().size()).sum()).isEqualTo(377);
  }

  @Test
  void capabilitiesKernelAndArchGateEntries() throws IOException {
    String moby = resource("moby-default.json");
    SeccompSpec defaults = DockerProfiles.flatten(moby, DockerTarget.dockerDefaults("amd64", "6.1"));
    SeccompSpec sysAdmin = DockerProfiles.flatten(moby,
        DockerTarget.of("amd64", union(DockerTarget.DOCKER_DEFAULT_CAPABILITIES, "sys_admin"), "6.1"));
    assertThat(allows(defaults, "mount")).isFalse();
    assertThat(allows(sysAdmin, "mount")).isTrue();
    // clone3 returns ENOSYS unless CAP_SYS_ADMIN is granted.
    assertThat(defaults.syscalls()).anySatisfy(s -> {
      assertThat(s.names()).contains("clone3");
      assertThat(s.action()).isEqualTo(SeccompAction.ERRNO);
      assertThat(s.errnoRet()).isEqualTo(38);
    });
    assertThat(sysAdmin.syscalls()).noneSatisfy(s -> {
      assertThat(s.names()).contains("clone3");
      assertThat(s.action()).isEqualTo(SeccompAction.ERRNO);
    });
    // ptrace needs kernel 4.8.
    assertThat(allows(DockerProfiles.flatten(moby, DockerTarget.dockerDefaults("amd64", "4.7")), "ptrace")).isFalse();
    assertThat(allows(defaults, "ptrace")).isTrue();
    // arm64 gets its own arch family and no x86-only syscalls.
    SeccompSpec arm = DockerProfiles.flatten(moby, DockerTarget.dockerDefaults("arm64", "6.1"));
    assertThat(arm.architectures()).containsExactly(SeccompArch.AARCH64, SeccompArch.ARM);
    assertThat(allows(defaults, "arch_prctl")).isTrue();
    assertThat(allows(arm, "arch_prctl")).isFalse();
    // ppc64le has no archMap entry: no architectures, like moby.
    assertThat(DockerProfiles.flatten(moby, DockerTarget.dockerDefaults("ppc64le", "6.1")).architectures()).isEmpty();
  }

  @Test
  void deprecatedNameAndErrors() {
    String json = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"name\":\"read\",\"action\":\"SCMP_ACT_ALLOW\",\"comment\":\"x\"}]}";
    SeccompSpec spec = DockerProfiles.flatten(json, DockerTarget.dockerDefaults("amd64", "6.1"));
    assertThat(spec.syscalls()).containsExactly(Syscall.of(SeccompAction.ALLOW, "read"));
    assertThatThrownBy(() -> DockerProfiles.flatten(
            "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"name\":\"read\",\"names\":[\"x\"],\"action\":\"SCMP_ACT_ALLOW\"}]}",
            DockerTarget.dockerDefaults("amd64", "6.1")))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/syscalls/0/name");
    assertThatThrownBy(() -> DockerProfiles.flatten(
            "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"x\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"minKernel\":\"six\"}}]}",
            DockerTarget.dockerDefaults("amd64", "6.1")))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/syscalls/0/includes/minKernel");
    assertThatThrownBy(() -> DockerProfiles.flatten(
            "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86\"],\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\"}]}", DockerTarget.dockerDefaults("amd64", "6.1")))
        .isInstanceOf(ProfileParseException.class);
    assertThatThrownBy(() -> DockerTarget.dockerDefaults("z80", "6.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerTarget.dockerDefaults("amd64", "six")).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean allows(SeccompSpec spec, String name) {
    return spec.syscalls().stream().anyMatch(s -> s.action() == SeccompAction.ALLOW && s.names().contains(name));
  }

  private static Set<String> union(Set<String> a, String b) {
    java.util.Set<String> s = new java.util.HashSet<>(a);
    s.add(b);
    return s;
  }
}
