package dev.spo.oci;

import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pulled profile.
 *
 * @param reference the reference as requested
 * @param profile the profile
 * @param digest the digest the reference resolved to (index or manifest); the one that was verified
 * @param manifestDigest the image manifest used (differs from {@code digest} when it is an index)
 * @param layerDigest the layer the profile was read from
 * @param platform the platform of the chosen layer or index entry; null when platform-independent
 * @param format the artifact format
 * @param verification the signature enforcement outcome
 */
public record PullResult(
    String reference,
    Profile profile,
    String digest,
    String manifestDigest,
    String layerDigest,
    @Nullable Platform platform,
    ArtifactFormat format,
    VerificationResult verification) {
  public PullResult {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(layerDigest, "layerDigest");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verification, "verification");
  }
}
