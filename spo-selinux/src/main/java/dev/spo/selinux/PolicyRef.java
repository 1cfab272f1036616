package dev.spo.selinux;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code spec.inherit}: a system template (e.g. {@code container},
 * {@code net_container}) or another SelinuxProfile by name.
 *
 * @param kind what {@code name} refers to
 * @param name the template or profile name
 */
public record PolicyRef(Kind kind, String name) {
  /** {@code kind} of a policy reference. */
  public enum Kind {
    /** A template shipped on the node (selinuxd's {@code /usr/share/selinuxd/templates}). */
    SYSTEM("System"),
    /** Another SelinuxProfile object, referred to by {@code metadata.name}. */
    SELINUX_PROFILE("SelinuxProfile");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** The spelling used in YAML and JSON. */
    public String wireName() {
      return wireName;
    }

    /** The value with this spelling, or null. */
    public static @Nullable Kind fromWireName(String name) {
      for (Kind k : values()) {
        if (k.wireName.equals(name)) {
          return k;
        }
      }
      return null;
    }
  }

  public PolicyRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** A reference to a system template. */
  public static PolicyRef system(String name) {
    return new PolicyRef(Kind.SYSTEM, name);
  }

  /** A reference to another SelinuxProfile. */
  public static PolicyRef profile(String name) {
    return new PolicyRef(Kind.SELINUX_PROFILE, name);
  }
}
