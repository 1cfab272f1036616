package dev.spo.core.tool;

import dev.spo.core.SpoException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An external tool could not be run, timed out, or rejected its input. Carries the command line,
 * the exit status (absent when the tool did not finish) and the captured standard error, so a
 * caller can show exactly what the tool said.
 */
public final class ToolExecutionException extends SpoException {
  private static final long serialVersionUID = 1L;

  /** Why the run failed. */
  public enum Reason {
    /** The program could not be started (missing, not executable). */
    NOT_STARTED,
    /** The program ran longer than the timeout and was killed. */
    TIMED_OUT,
    /** The program exited with a non-zero status. */
    FAILED,
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED,
    /** Files for the program, or its output, could not be written or read. */
    IO
  }

  private final Reason reason;
  private final List<String> argv;
  private final @Nullable Integer exitCode;
  private final String stderr;

  public ToolExecutionException(
      Reason reason, List<String> argv, @Nullable Integer exitCode, String stderr, String message) {
    this(reason, argv, exitCode, stderr, message, null);
  }

  public ToolExecutionException(
      Reason reason,
      List<String> argv,
      @Nullable Integer exitCode,
      String stderr,
      String message,
      @Nullable Throwable cause) {
    super(format(message, exitCode, stderr), cause);
    this.reason = reason;
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  /** A failure for a run that finished with a non-zero status. */
  public static ToolExecutionException failed(ToolResult result, String stderr, String message) {
    return new ToolExecutionException(Reason.FAILED, result.argv(), result.exitCode(), stderr, message);
  }

  private static String format(String message, @Nullable Integer exitCode, String stderr) {
    StringBuilder sb = new StringBuilder(message);
    if (exitCode != null) {
      sb.append(" (exit status ").append(exitCode).append(')');
    }
    String trimmed = stderr.strip();
    if (!trimmed.isEmpty()) {
      sb.append(":\n").append(trimmed);
    }
    return sb.toString();
  }

  /** Why the run failed. */
  public Reason reason() {
    return reason;
  }

  /** The command line, program first. */
  public List<String> argv() {
    return argv;
  }

  /** The program name (first element of {@link #argv()}). */
  public String tool() {
    return argv.isEmpty() ? "" : argv.get(0);
  }

  /** The exit status, or null when the program did not finish. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** The captured standard error (possibly filtered of known noise by the caller). */
  public String stderr() {
    return stderr;
  }
}
