package dev.spo.selinux;

import dev.spo.core.ProfileState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of a SelinuxProfile. Immutable; {@code allow} keeps document order (the CIL
 * generator sorts).
 *
 * @param state {@code Enabled}/{@code Disabled}, null when unset (operator default Enabled)
 * @param inherit templates and profiles to inherit, in spec order; empty means SPO's default
 *     {@code [System container]}
 * @param mode enforcement mode, null when unset (operator default Enforcing)
 * @param allow label (type or {@code @self}) → object class → permissions
 */
public record SelinuxSpec(
    @Nullable ProfileState state,
    List<PolicyRef> inherit,
    @Nullable SelinuxMode mode,
    Map<String, Map<String, List<String>>> allow) {

  /** The {@code allow} key that stands for the profile's own process type. */
  public static final String SELF = "@self";

  public SelinuxSpec {
    inherit = List.copyOf(inherit);
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
    allow.forEach(
        (label, classes) -> {
          Map<String, List<String>> inner = new LinkedHashMap<>();
          classes.forEach((cls, perms) -> inner.put(Objects.requireNonNull(cls), List.copyOf(perms)));
          copy.put(Objects.requireNonNull(label), Collections.unmodifiableMap(inner));
        });
    allow = Collections.unmodifiableMap(copy);
  }

  /** The mode that applies: {@link #mode()} or Enforcing. */
  public SelinuxMode effectiveMode() {
    return mode == null ? SelinuxMode.ENFORCING : mode;
  }

  /** A builder for an empty spec. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this spec. */
  public Builder toBuilder() {
    Builder b = new Builder().state(state).mode(mode).inherit(inherit);
    allow.forEach((label, classes) -> classes.forEach((cls, perms) -> b.allow(label, cls, perms)));
    return b;
  }

  /** Builder of a {@link SelinuxSpec}. */
  public static final class Builder {
    private @Nullable ProfileState state;
    private final List<PolicyRef> inherit = new ArrayList<>();
    private @Nullable SelinuxMode mode;
    private final Map<String, Map<String, List<String>>> allow = new LinkedHashMap<>();

    private Builder() {}

    public Builder state(@Nullable ProfileState value) {
      this.state = value;
      return this;
    }

    public Builder mode(@Nullable SelinuxMode value) {
      this.mode = value;
      return this;
    }

    /** Replaces the inherit list. */
    public Builder inherit(List<PolicyRef> refs) {
      inherit.clear();
      inherit.addAll(refs);
      return this;
    }

    /** Appends one inherit entry. */
    public Builder addInherit(PolicyRef ref) {
      inherit.add(ref);
      return this;
    }

    /** Adds permissions on {@code label}/{@code objectClass} (appended to any already there). */
    public Builder allow(String label, String objectClass, List<String> permissions) {
      allow.computeIfAbsent(label, k -> new LinkedHashMap<>())
          .computeIfAbsent(objectClass, k -> new ArrayList<>())
          .addAll(permissions);
      return this;
    }

    /** Adds permissions on {@code label}/{@code objectClass}. */
    public Builder allow(String label, String objectClass, String... permissions) {
      return allow(label, objectClass, List.of(permissions));
    }

    public SelinuxSpec build() {
      return new SelinuxSpec(state, inherit, mode, allow);
    }
  }
}
