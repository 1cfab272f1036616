package dev.spo.apparmor;

import dev.spo.core.ProfileState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of an AppArmorProfile.
 *
 * @param state {@code Enabled}/{@code Disabled}, null when unset
 * @param abstractRules {@code spec.abstract}
 * @param mode enforcement mode, null when unset (operator default Enforce)
 */
public record AppArmorSpec(@Nullable ProfileState state, AppArmorAbstract abstractRules, @Nullable AppArmorMode mode) {
  public AppArmorSpec {
    Objects.requireNonNull(abstractRules, "abstractRules");
  }

  /** A spec with only the abstract set. */
  public static AppArmorSpec of(AppArmorAbstract abstractRules) {
    return new AppArmorSpec(null, abstractRules, null);
  }

  /** The mode that applies: {@link #mode()} or Enforce. */
  public AppArmorMode effectiveMode() {
    return mode == null ? AppArmorMode.ENFORCE : mode;
  }

  /** A copy with another mode. */
  public AppArmorSpec withMode(@Nullable AppArmorMode value) {
    return new AppArmorSpec(state, abstractRules, value);
  }
}
