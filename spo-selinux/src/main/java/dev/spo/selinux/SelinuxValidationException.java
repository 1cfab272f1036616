package dev.spo.selinux;

import dev.spo.core.SpoException;
import java.util.List;
import java.util.stream.Collectors;

/** A SELinux profile breaks one or more rules; {@link #violations()} lists each with its pointer. */
public final class SelinuxValidationException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String profileName;
  private final List<Violation> violations;

  public SelinuxValidationException(String profileName, List<Violation> violations) {
    super(format(profileName, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    this.profileName = profileName;
    this.violations = List.copyOf(violations);
  }

  private static String format(String profileName, List<Violation> violations) {
    return "invalid SELinux profile '"
        + profileName
        + "': "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** The profile's name. */
  public String profileName() {
    return profileName;
  }

  /** Every problem found, in document order. */
  public List<Violation> violations() {
    return violations;
  }
}
