package dev.spo.core.validate;

import dev.spo.core.SpoException;
import java.util.List;
import java.util.stream.Collectors;

/** A profile failed validation; {@link #violations()} lists every problem with its JSON pointer. */
public final class ValidationException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String profileName;
  private final transient List<Violation> violations;

  public ValidationException(String profileName, List<Violation> violations) {
    super("profile '" + profileName + "' is invalid:\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
    this.profileName = profileName;
    this.violations = List.copyOf(violations);
  }

  /** The profile's name. */
  public String profileName() {
    return profileName;
  }

  /** Every violation, errors and warnings. */
  public List<Violation> violations() {
    return violations;
  }
}
