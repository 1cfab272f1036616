package dev.spo.core.compose;

import java.util.Optional;

/**
 * Finds the profile a {@code baseProfileName} refers to: a local name, or an {@code oci://}
 * reference (the spo-oci module provides that resolver). Implementations must be thread-safe.
 */
public interface BaseProfileResolver {
  /** Whether this resolver is responsible for the reference (e.g. it starts with {@code oci://}). */
  boolean supports(String reference);

  /**
   * Resolves the reference.
   *
   * @param reference the {@code baseProfileName} value, exactly as written
   * @param requestedBy name of the profile whose {@code baseProfileName} this is (for errors)
   * @return the profile, or empty when it does not exist
   * @throws dev.spo.core.SpoException when the lookup itself fails (I/O, registry, signature)
   */
  Optional<ResolvedProfile> resolve(String reference, String requestedBy);
}
