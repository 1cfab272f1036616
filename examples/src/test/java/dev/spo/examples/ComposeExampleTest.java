package dev.spo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.Syscall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ComposeExampleTest {
  @Test
  void composesTheShippedExampleFromItsTwoBases() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ComposeExample.run(Path.of("profiles/nginx.yaml"), Path.of("profiles"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text).contains("-> web-base").contains("-> runtime-base");
    SeccompProfile merged = ProfileCodec.defaults().read(text, SeccompProfile.class);
    assertThat(merged.name()).isEqualTo("nginx");
    assertThat(merged.metadata().annotations()).containsKey("syscalls");
    // From each level of the chain: nginx itself, web-base, runtime-base.
    assertThat(merged.spec().syscalls()).contains(
        Syscall.of(SeccompAction.ALLOW, "writev"),
        Syscall.of(SeccompAction.ALLOW, "accept4"),
        Syscall.of(SeccompAction.ALLOW, "execve"),
        Syscall.of(SeccompAction.LOG, "mount"));
    assertThat(merged.spec().syscalls()).allSatisfy(s -> assertThat(s.names()).hasSize(1));
  }

  @Test
  void aMissingBaseIsReportedWithoutAStackTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ComposeExample.run(Path.of("profiles/nginx.yaml"), Path.of("src"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("web-base");
  }
}
