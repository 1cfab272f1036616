package dev.spo.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {
  @Test
  void writesCreatesParentsAndSkipsIdenticalContent(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("seccomp/operator/p.json");
    assertThat(ProfileFiles.writeAtomically(target, "{}", "rw-r--r--")).isTrue();
    assertThat(Files.readString(target)).isEqualTo("{}");
    assertThat(ProfileFiles.writeAtomically(target, "{}", "rw-r--r--")).isFalse();
    assertThat(ProfileFiles.writeAtomically(target, "{\"a\":1}", "rw-r--r--")).isTrue();
    assertThat(Files.readString(target)).isEqualTo("{\"a\":1}");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void setsPermissions(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("p.json");
    ProfileFiles.writeAtomically(target, "x", "rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaries(@TempDir Path dir) throws IOException {
    Path blocker = dir.resolve("blocked");
    Files.createDirectories(blocker.resolve("child"));
    assertThatThrownBy(() -> ProfileFiles.writeAtomically(blocker, "x", "rw-r--r--"))
        .isInstanceOf(ProfileWriteException.class)
        .hasMessageContaining("blocked");
    assertThat(Files.isDirectory(blocker.resolve("child"))).isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(blocker);
    }
  }
}
