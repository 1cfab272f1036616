package dev.spo.selinux;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node allows in SELinux profiles, as SPO's SPOD {@code spec.selinux.options} configures
 * it: the system templates profiles may inherit (default {@code container}), and changes to the
 * built-in deny lists of types, classes and permissions. {@code allowed*} entries are removed from
 * the built-in list first, then {@code denied*} entries are added, so a deny always wins.
 */
public final class SelinuxPolicyOptions {
  /** Types no profile may grant access to, unless allowed. */
  public static final Set<String> BUILTIN_DENIED_TYPES =
      Collections.unmodifiableSet(new TreeSet<>(List.of("kernel_t", "kmem_t", "security_t", "shadow_t")));

  /** Object classes no profile may use, unless allowed. */
  public static final Set<String> BUILTIN_DENIED_CLASSES =
      Collections.unmodifiableSet(new TreeSet<>(List.of("capability", "capability2", "security", "system")));

  /** Permissions no profile may grant, unless allowed. */
  public static final Set<String> BUILTIN_DENIED_PERMISSIONS =
      Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "load_policy",
                  "mac_admin",
                  "mounton",
                  "relabelto",
                  "relabelfrom",
                  "setbool",
                  "setenforce",
                  "setsecparam")));

  private static final SelinuxPolicyOptions DEFAULTS = builder().build();

  private final Set<String> allowedSystemProfiles;
  private final Set<String> deniedTypes;
  private final Set<String> deniedClasses;
  private final Set<String> deniedPermissions;

  private SelinuxPolicyOptions(Builder b) {
    this.allowedSystemProfiles = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowedSystemProfiles));
    this.deniedTypes = effective(BUILTIN_DENIED_TYPES, b.allowedTypes, b.deniedTypes);
    this.deniedClasses = effective(BUILTIN_DENIED_CLASSES, b.allowedClasses, b.deniedClasses);
    this.deniedPermissions = effective(BUILTIN_DENIED_PERMISSIONS, b.allowedPermissions, b.deniedPermissions);
  }

  private static Set<String> effective(Set<String> builtin, Set<String> allowed, Set<String> denied) {
    Set<String> out = new TreeSet<>(builtin);
    out.removeAll(allowed);
    out.addAll(denied);
    return Collections.unmodifiableSet(out);
  }

  /** SPO's defaults: only {@code container} may be inherited, built-in deny lists unchanged. */
  public static SelinuxPolicyOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** System templates profiles may inherit. */
  public Set<String> allowedSystemProfiles() {
    return allowedSystemProfiles;
  }

  /** The effective deny list of types. */
  public Set<String> deniedTypes() {
    return deniedTypes;
  }

  /** The effective deny list of object classes. */
  public Set<String> deniedClasses() {
    return deniedClasses;
  }

  /** The effective deny list of permissions. */
  public Set<String> deniedPermissions() {
    return deniedPermissions;
  }

  /** Builder of {@link SelinuxPolicyOptions}. */
  public static final class Builder {
    private Set<String> allowedSystemProfiles = new LinkedHashSet<>(List.of("container"));
    private final Set<String> allowedTypes = new LinkedHashSet<>();
    private final Set<String> allowedClasses = new LinkedHashSet<>();
    private final Set<String> allowedPermissions = new LinkedHashSet<>();
    private final Set<String> deniedTypes = new LinkedHashSet<>();
    private final Set<String> deniedClasses = new LinkedHashSet<>();
    private final Set<String> deniedPermissions = new LinkedHashSet<>();

    private Builder() {}

    /** Replaces the allowed system templates (default {@code [container]}). */
    public Builder allowedSystemProfiles(Set<String> names) {
      this.allowedSystemProfiles = new LinkedHashSet<>(names);
      return this;
    }

    /** Removes types from the built-in deny list. */
    public Builder allowedTypes(Set<String> names) {
      allowedTypes.addAll(names);
      return this;
    }

    /** Removes classes from the built-in deny list. */
    public Builder allowedClasses(Set<String> names) {
      allowedClasses.addAll(names);
      return this;
    }

    /** Removes permissions from the built-in deny list. */
    public Builder allowedPermissions(Set<String> names) {
      allowedPermissions.addAll(names);
      return this;
    }

    /** Adds types to the deny list (wins over allowed). */
    public Builder deniedTypes(Set<String> names) {
      deniedTypes.addAll(names);
      return this;
    }

    /** Adds classes to the deny list (wins over allowed). */
    public Builder deniedClasses(Set<String> names) {
      deniedClasses.addAll(names);
      return this;
    }

    /** Adds permissions to the deny list (wins over allowed). */
    public Builder deniedPermissions(Set<String> names) {
      deniedPermissions.addAll(names);
      return this;
    }

    public SelinuxPolicyOptions build() {
      return new SelinuxPolicyOptions(this);
    }
  }
}
