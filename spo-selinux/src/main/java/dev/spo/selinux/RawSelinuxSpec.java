package dev.spo.selinux;

import dev.spo.core.ProfileState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of a RawSelinuxProfile.
 *
 * @param state {@code Enabled}/{@code Disabled}, null when unset
 * @param policy CIL statements that go inside the profile's block
 */
public record RawSelinuxSpec(@Nullable ProfileState state, String policy) {
  public RawSelinuxSpec {
    Objects.requireNonNull(policy, "policy");
  }
}
