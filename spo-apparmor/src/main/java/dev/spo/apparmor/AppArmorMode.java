package dev.spo.apparmor;

import org.jspecify.annotations.Nullable;

/** {@code spec.mode} of an AppArmorProfile (v1); v1alpha1 used {@code complainMode: bool}. */
public enum AppArmorMode {
  ENFORCE("Enforce"),
  COMPLAIN("Complain");

  private final String wireName;

  AppArmorMode(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }

  /** The value with this spelling, or null. */
  public static @Nullable AppArmorMode fromWireName(String name) {
    for (AppArmorMode m : values()) {
      if (m.wireName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
