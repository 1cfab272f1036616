package dev.spo.core;

/** {@code spec.state} of every SPO profile kind (v1); older versions used {@code disabled: bool}. */
public enum ProfileState {
  ENABLED("Enabled"),
  DISABLED("Disabled");

  private final String wireName;

  ProfileState(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }
}
