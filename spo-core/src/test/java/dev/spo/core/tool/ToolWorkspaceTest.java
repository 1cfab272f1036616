package dev.spo.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ToolWorkspaceTest {
  @Test
  void holdsInputFilesAndIsRemovedOnClose() throws IOException {
    Path dir;
    try (ToolWorkspace ws = ToolWorkspace.create("apparmor_parser")) {
      dir = ws.dir();
      assertThat(dir.getFileName().toString()).startsWith("spo-apparmorparser-");
      Path file = ws.write("profile", "profile p {}\n");
      Files.createDirectories(dir.resolve("nested"));
      Files.writeString(dir.resolve("nested/x"), "y");
      assertThat(file).hasContent("profile p {}");
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void onlyPlainFileNamesAreWritten() {
    try (ToolWorkspace ws = ToolWorkspace.create("secilc")) {
      assertThatThrownBy(() -> ws.write("../escape.cil", "x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ws.write("a/b.cil", "x")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void writeFailuresAreTypedAndNameTheTool() {
    try (ToolWorkspace ws = ToolWorkspace.create("secilc")) {
      Path blocker = ws.dir().resolve("dir.cil");
      try {
        Files.createDirectory(blocker);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertThatThrownBy(() -> ws.write("dir.cil", "x"))
          .isInstanceOfSatisfying(ToolExecutionException.class, e -> {
            assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.IO);
            assertThat(e.getMessage()).contains("writing dir.cil for secilc");
          });
    }
  }
}
