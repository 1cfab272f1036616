package dev.spo.core.compose;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One base profile followed while composing.
 *
 * @param level 1 for the direct base of the composed profile, 2 for its base, and so on
 * @param reference the {@code baseProfileName} value that led here
 * @param requestedBy name of the profile whose {@code baseProfileName} this was
 * @param name {@code metadata.name} of the base found
 * @param origin where the resolver found it (file, {@code memory}, {@code oci://repo@digest}, ...)
 * @param digest content digest when the source has one
 */
public record ResolutionStep(
    int level, String reference, String requestedBy, String name, String origin, @Nullable String digest) {
  public ResolutionStep {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
  }
}
