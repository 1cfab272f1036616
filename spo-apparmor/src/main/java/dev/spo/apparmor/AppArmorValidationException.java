package dev.spo.apparmor;

import dev.spo.core.SpoException;
import java.util.List;
import java.util.stream.Collectors;

/** An AppArmor profile breaks one or more rules; {@link #violations()} lists each with its pointer. */
public final class AppArmorValidationException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String profileName;
  private final List<Violation> violations;

  public AppArmorValidationException(String profileName, List<Violation> violations) {
    super(
        "invalid AppArmor profile '"
            + profileName
            + "': "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    this.profileName = profileName;
    this.violations = List.copyOf(violations);
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
