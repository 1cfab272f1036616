package dev.spo.core.validate;

import java.util.Objects;

/**
 * One problem found by validation.
 *
 * @param pointer JSON pointer of the offending field in the profile document
 * @param message what is wrong, in one sentence
 * @param severity whether the profile is unusable ({@code ERROR}) or only suspicious
 */
public record Violation(String pointer, String message, Severity severity) {
  /** How bad a violation is. */
  public enum Severity {
    /** The profile breaks a CRD rule or cannot be compiled. */
    ERROR,
    /** The profile is accepted but probably does not do what its author meant. */
    WARNING
  }

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
  }

  /** An error at {@code pointer}. */
  public static Violation error(String pointer, String message) {
    return new Violation(pointer, message, Severity.ERROR);
  }

  /** A warning at {@code pointer}. */
  public static Violation warning(String pointer, String message) {
    return new Violation(pointer, message, Severity.WARNING);
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + pointer + ": " + message;
  }
}
