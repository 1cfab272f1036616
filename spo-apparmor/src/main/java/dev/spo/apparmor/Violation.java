package dev.spo.apparmor;

import java.util.Objects;

/**
 * One validation problem.
 *
 * @param pointer JSON pointer of the offending field within the profile document (e.g.
 *     {@code /spec/abstract/filesystem/readOnlyPaths/0})
 * @param message what is wrong
 */
public record Violation(String pointer, String message) {
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return pointer + ": " + message;
  }
}
