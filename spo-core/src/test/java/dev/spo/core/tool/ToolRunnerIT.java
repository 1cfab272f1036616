package dev.spo.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ToolRunnerIT {
  @Test
  void capturesStreamsAndExitStatus() {
    ToolResult r = ToolRunner.defaults().run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), null);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(r.truncated()).isFalse();
    assertThat(r.succeeded()).isFalse();
  }

  @Test
  void runCheckedCarriesArgvExitCodeAndStderr() {
    List<String> argv = List.of("/bin/sh", "-c", "echo broken >&2; exit 7");
    assertThatThrownBy(() -> ToolRunner.defaults().runChecked(argv, null, "sh failed"))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.FAILED);
              assertThat(e.argv()).isEqualTo(argv);
              assertThat(e.tool()).isEqualTo("/bin/sh");
              assertThat(e.exitCode()).isEqualTo(7);
              assertThat(e.stderr()).isEqualTo("broken\n");
              assertThat(e.getMessage()).isEqualTo("sh failed (exit status 7):\nbroken");
            });
  }

  @Test
  void boundsCapturedOutput() {
    ToolRunner runner = ToolRunner.builder().maxOutputBytes(10).build();
    ToolResult r = runner.run(List.of("/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"), null);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("xxxxxxxxxx");
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void killsOnTimeout() {
    ToolRunner runner = ToolRunner.builder().timeout(Duration.ofMillis(300)).build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> runner.run(List.of("/bin/sleep", "30"), null))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.TIMED_OUT);
              assertThat(e.exitCode()).isNull();
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void setsCLocaleAndExtraVariables() {
    ToolRunner runner = ToolRunner.builder().environment("SPO_TEST", "1").build();
    ToolResult r = runner.run(List.of("/bin/sh", "-c", "echo $LC_ALL $SPO_TEST"), null);
    assertThat(r.stdout()).isEqualTo("C 1\n");
  }

  @Test
  void missingProgramIsNotStarted() {
    assertThatThrownBy(() -> ToolRunner.defaults().run(List.of("/nonexistent/tool"), null))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.NOT_STARTED));
  }
}
