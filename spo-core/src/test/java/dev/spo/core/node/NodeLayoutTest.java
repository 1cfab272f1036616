package dev.spo.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.ProfileState;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NodeLayoutTest {
  @Test
  void pathsFollowSpo(@TempDir Path root) {
    NodeLayout layout = NodeLayout.under(root);
    assertThat(layout.seccompFile("nginx")).isEqualTo(root.resolve("var/lib/kubelet/seccomp/operator/nginx.json"));
    assertThat(layout.seccompFile("nginx.json")).isEqualTo(layout.seccompFile("nginx"));
    assertThat(layout.seccompLocalhostProfile("nginx")).isEqualTo("operator/nginx.json");
    assertThat(layout.withKubeletDir("/data/kubelet").seccompFile("a")).isEqualTo(root.resolve("data/kubelet/seccomp/operator/a.json"));
    assertThat(layout.appArmorFile("usr/bin/nginx")).isEqualTo(root.resolve("etc/apparmor.d/usr.bin.nginx"));
    assertThat(layout.appArmorFile("/usr/bin/nginx/")).isEqualTo(root.resolve("etc/apparmor.d/usr.bin.nginx"));
    assertThat(layout.selinuxFile("nginx-secure")).isEqualTo(root.resolve("etc/selinux.d/nginx-secure.cil"));
  }

  @Test
  void namesCannotEscapeTheRoot(@TempDir Path root) {
    NodeLayout layout = NodeLayout.under(root);
    assertThatThrownBy(() -> layout.seccompFile("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.selinuxFile("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.appArmorFile("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.withKubeletDir("relative")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void writesSpoNodeFilesOnlyWhenChangedWithMode0644(@TempDir Path root) throws IOException {
    NodeLayout layout = NodeLayout.under(root);
    SeccompProfile p = SeccompProfile.of("app", SeccompSpec.builder()
        .state(ProfileState.ENABLED).defaultAction(SeccompAction.ERRNO)
        .addSyscall(Syscall.of(SeccompAction.ALLOW, "read")).build());
    NodeLayout.WriteResult first = layout.writeSeccomp(p);
    assertThat(first.changed()).isTrue();
    assertThat(Files.readString(first.path())).isEqualTo(
        "{\"state\":\"Enabled\",\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.path()))).isEqualTo("rw-r--r--");
    assertThat(layout.writeSeccomp(p).changed()).isFalse();
    assertThat(layout.writeAppArmor("app", "profile app {}\n").path()).hasContent("profile app {}");
    assertThat(layout.writeSelinux("app", "(block app)\n").changed()).isTrue();
  }
}
