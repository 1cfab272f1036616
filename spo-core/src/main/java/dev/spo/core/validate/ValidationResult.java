package dev.spo.core.validate;

import java.util.List;

/**
 * Everything validation found in one profile.
 *
 * @param profileName the profile's {@code metadata.name}
 * @param violations errors and warnings in document order
 */
public record ValidationResult(String profileName, List<Violation> violations) {
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** Whether no violation is an error (warnings allowed). */
  public boolean valid() {
    return errors().isEmpty();
  }

  /** The errors only. */
  public List<Violation> errors() {
    return violations.stream().filter(v -> v.severity() == Violation.Severity.ERROR).toList();
  }

  /** The warnings only. */
  public List<Violation> warnings() {
    return violations.stream().filter(v -> v.severity() == Violation.Severity.WARNING).toList();
  }

  /** Throws {@link ValidationException} when there are errors; returns this otherwise. */
  public ValidationResult orThrow() {
    if (!valid()) {
      throw new ValidationException(profileName, violations);
    }
    return this;
  }
}
