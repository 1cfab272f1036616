package dev.spo.cli.internal;

import dev.spo.core.SpoException;

/** A failure the command line reports itself, with the exit code to use. */
public final class CliException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A usage or runtime error (exit 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** A failed check (exit 1). */
  public static CliException checkFailed(String message) {
    return new CliException(ExitCodes.CHECK_FAILED, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
