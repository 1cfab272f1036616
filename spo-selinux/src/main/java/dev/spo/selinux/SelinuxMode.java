package dev.spo.selinux;

import org.jspecify.annotations.Nullable;

/** {@code spec.mode} of a SelinuxProfile (v1); v1alpha2 used {@code permissive: bool}. */
public enum SelinuxMode {
  ENFORCING("Enforcing"),
  PERMISSIVE("Permissive");

  private final String wireName;

  SelinuxMode(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling used in YAML and JSON. */
  public String wireName() {
    return wireName;
  }

  /** The value with this spelling, or null. */
  public static @Nullable SelinuxMode fromWireName(String name) {
    for (SelinuxMode m : values()) {
      if (m.wireName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
