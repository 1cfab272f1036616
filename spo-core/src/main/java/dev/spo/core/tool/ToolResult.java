package dev.spo.core.tool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a finished tool run produced.
 *
 * @param argv the command line, program first
 * @param exitCode the process exit status
 * @param stdout captured standard output (decoded as UTF-8, possibly truncated)
 * @param stderr captured standard error (decoded as UTF-8, possibly truncated)
 * @param truncated whether stdout or stderr exceeded the capture limit and was cut
 * @param duration wall-clock time of the run
 */
public record ToolResult(
    List<String> argv, int exitCode, String stdout, String stderr, boolean truncated, Duration duration) {
  public ToolResult {
    argv = List.copyOf(argv);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(duration, "duration");
  }

  /** Whether the tool exited with status 0. */
  public boolean succeeded() {
    return exitCode == 0;
  }
}
