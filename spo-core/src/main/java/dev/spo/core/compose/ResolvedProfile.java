package dev.spo.core.compose;

import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A base profile found by a {@link BaseProfileResolver}, with where it came from.
 *
 * @param reference the reference as written in {@code baseProfileName}
 * @param profile the profile found
 * @param origin where it was found: a file path, {@code memory}, an {@code oci://repo@digest}, ...
 * @param digest content digest ({@code sha256:...}) when the source has one
 */
public record ResolvedProfile(String reference, Profile profile, String origin, @Nullable String digest) {
  public ResolvedProfile {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(origin, "origin");
  }
}
