package dev.spo.cli.internal;

import dev.spo.core.codec.ProfileParseException;
import dev.spo.core.compose.CompositionException;
import dev.spo.core.validate.ValidationException;
import dev.spo.oci.ArtifactException;
import dev.spo.oci.SignatureVerificationException;
import dev.spo.seccomp.SeccompCompileException;
import dev.spo.seccomp.bpf.BpfException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * security-profiles-merger's exit-code contract: 0 success, 1 "check failed / different / invalid
 * profile", 2 usage or runtime error. Errors are one line on stderr; stack traces only with
 * {@code --debug}.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}

  /** The exit code for an exception escaping a command. */
  public static int forException(Throwable e) {
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    // The profile itself is wrong (or its signature does not satisfy the policy): the "invalid
    // profile" outcome, as opposed to an environment or usage problem.
    if (e instanceof ValidationException
        || e instanceof ProfileParseException
        || e instanceof SeccompCompileException
        || e instanceof SignatureVerificationException
        || e instanceof BpfException) {
      return CHECK_FAILED;
    }
    if (e instanceof CompositionException c) {
      if (c.reason() != CompositionException.Reason.RESOLVER_FAILED) {
        return CHECK_FAILED;
      }
      // A base whose signature does not verify is a failed check, not an environment problem.
      for (Throwable t = c.getCause(); t != null; t = t.getCause()) {
        if (t instanceof SignatureVerificationException) {
          return CHECK_FAILED;
        }
      }
      return USAGE;
    }
    if (e instanceof ArtifactException) {
      return USAGE;
    }
    return USAGE;
  }

  /** Prints {@code spoc: error: <message>} on one line, plus the stack trace with --debug. */
  public static void printError(PrintWriter err, Throwable e, boolean debug, String suffix) {
    err.println("spoc: error: " + oneLine(e) + suffix);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** The message of {@code e} on one line; the exception type when it has none. */
  public static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable c = e.getCause();
      m = c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
    }
    m = m.strip();
    // picocli prefixes some parameter messages with "Error: "; the line already says error.
    if (m.startsWith("Error: ")) {
      m = m.substring("Error: ".length());
    }
    return m.replaceAll("\\s*\\R\\s*", "; ");
  }
}
