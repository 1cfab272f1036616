package dev.spo.core;

/** {@code status.status} of an SPO profile: the aggregated installation state. */
public enum ProfilePhase {
  ERROR("Error"),
  TERMINATING("Terminating"),
  PARTIAL("Partial"),
  DISABLED("Disabled"),
  PENDING("Pending"),
  IN_PROGRESS("InProgress"),
  INSTALLED("Installed");

  private final String wireName;

  ProfilePhase(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }
}
